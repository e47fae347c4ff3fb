import { openComputerRoutes } from "@/lib/contract";
import { removePatch } from "@/lib/patches/patches";
import { route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(openComputerRoutes.deleteCheckpointPatch, async ({ db, params, actor }) => {
  await removePatch(db, params.checkpointId, params.patchId, actor);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
