import { tokenRoutes } from "@/lib/contract";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(tokenRoutes.listTokens, async ({ db }) => json({ tokens: await listTokens(db) }));

export const POST = route(tokenRoutes.createToken, async ({ db, body, actor }) => json(await createToken(db, body, actor), 201));

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
