import { tokenRoutes } from "@/lib/contract";
import { revokeToken } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(tokenRoutes.revokeToken, async ({ db, params, actor }) => json({ token: await revokeToken(db, params.id, actor) }));

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
