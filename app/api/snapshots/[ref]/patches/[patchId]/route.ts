import { z } from "zod";
import { removePatch } from "@/lib/patches/patches";
import { json, route } from "@/lib/http/route";
import { patchId, snapshotRef } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const DELETE = route(
  { access: "editor", params: z.strictObject({ ref: snapshotRef, patchId }) },
  async ({ db, params, actor }) => json(await removePatch(db, params.ref, params.patchId, actor)),
);

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
