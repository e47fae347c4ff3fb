import { userRoutes } from "@/lib/contract";
import { endSessionsOfUser } from "@/lib/auth/users";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(userRoutes.endUserSessions, async ({ db, params, actor }) => json(await endSessionsOfUser(db, params.id, actor)));

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
