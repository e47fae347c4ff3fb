import { z } from "zod";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { roles } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route({ access: "admin" }, async ({ db }) => json({ tokens: await listTokens(db) }));

const body = z.strictObject({
  role: z.enum(roles),
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});

export const POST = route({ access: "admin", body }, async ({ db, body, actor }) =>
  json(await createToken(db, body, actor), 201),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
