import { sandboxRoutes } from "@/lib/contract";
import { sandboxPatchStates } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sandboxRoutes.sandboxPatches, async ({ db, params }) => json(await sandboxPatchStates(db, params.ref)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
