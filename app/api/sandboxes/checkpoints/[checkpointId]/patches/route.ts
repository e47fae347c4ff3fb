import { openComputerRoutes } from "@/lib/contract";
import { openComputerPatch } from "@/lib/compat/opencomputer";
import { attachPatch, listPatches } from "@/lib/patches/patches";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(openComputerRoutes.listCheckpointPatches, async ({ db, params }) =>
  json((await listPatches(db, params.checkpointId, false)).patches.map(openComputerPatch)),
);

export const POST = route(openComputerRoutes.createCheckpointPatch, async ({ db, params, body, actor }) =>
  json({ patch: openComputerPatch((await attachPatch(db, params.checkpointId, body, actor)).patch) }, 201),
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
