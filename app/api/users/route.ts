import { userRoutes } from "@/lib/contract";
import { listUsers } from "@/lib/auth/users";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(userRoutes.listUsers, async ({ db, query }) => json(await listUsers(db, query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
