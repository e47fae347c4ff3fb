import { sandboxRoutes } from "@/lib/contract";
import { pendingPatches } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sandboxRoutes.pendingPatches, async ({ db, params }) => json(await pendingPatches(db, params.ref)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
