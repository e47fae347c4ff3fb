import { patchRoutes } from "@/lib/contract";
import { removePatch } from "@/lib/patches/patches";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(patchRoutes.removePatch, async ({ db, params, actor }) =>
  json(await removePatch(db, params.ref, params.patchId, actor)),
);

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
