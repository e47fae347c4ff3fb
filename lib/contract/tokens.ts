import { z } from "zod";
import { roles } from "./enums";
import { tokenId } from "./fields";
import { TOKEN_NAME_MAX_CHARS } from "./limits";
import { defineRoutes } from "./registry";
import { token } from "./views";

export const tokenRoutes = defineRoutes({
  listTokens: {
    method: "GET",
    path: "/api/tokens",
    summary: "Every token, oldest first (secrets are never shown again)",
    access: "admin",
    responses: { 200: z.strictObject({ tokens: z.array(token) }) },
    errors: [],
  },
  createToken: {
    method: "POST",
    path: "/api/tokens",
    summary: "Create a token: the secret is in this answer only",
    access: "admin",
    body: z.strictObject({
      role: z.enum(roles),
      name: z.string().trim().min(1, "must not be empty").max(TOKEN_NAME_MAX_CHARS, `must be at most ${TOKEN_NAME_MAX_CHARS} characters`),
    }),
    responses: { 201: z.strictObject({ token: z.string(), id: tokenId, role: z.enum(roles), name: z.string() }) },
    errors: ["token_name_taken"],
  },
  revokeToken: {
    method: "DELETE",
    path: "/api/tokens/{id}",
    summary: "Revoke a token: the browser sessions signed in with it end at once",
    access: "admin",
    params: z.strictObject({ id: tokenId }),
    responses: { 200: z.strictObject({ token: token.omit({ createdAt: true }) }) },
    errors: ["token_not_found"],
  },
});
