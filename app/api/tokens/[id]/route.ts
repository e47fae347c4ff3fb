import { z } from "zod";
import { revokeToken } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { tokenId } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(
  { access: "admin", params: z.strictObject({ id: tokenId }) },
  async ({ db, params, actor }) => json({ token: await revokeToken(db, params.id, actor) }),
);

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
