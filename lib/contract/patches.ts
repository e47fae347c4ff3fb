import { z } from "zod";
import { count, description, patchId, sandboxId, script, snapshotRef } from "./fields";
import { IDEMPOTENCY_WINDOW_HOURS, REACH_SAMPLE_SIZE } from "./limits";
import { defineRoutes } from "./registry";
import { patch } from "./views";

const ref = z.strictObject({ ref: snapshotRef });

export const attachAnswer = z.strictObject({
  patch,
  reach: z
    .strictObject({
      count: count.describe("Exactly how many sandboxes started from the snapshot have not applied this sequence yet."),
      sample: z.array(sandboxId).max(REACH_SAMPLE_SIZE).describe(`The ${REACH_SAMPLE_SIZE} newest of them.`),
    })
    .describe("The sandboxes the patch reaches on their next wake (one level deep)."),
});

/** How a patch rolled out over the snapshot's sandboxes (exact). */
export const rollout = z
  .strictObject({ total: count, applied: count, pending: count, blocked: count, failed: count })
  .meta({ id: "Rollout" });

export const patchWithRollout = z.strictObject({ ...patch.shape, rollout }).meta({ id: "PatchWithRollout" });

export const patchRoutes = defineRoutes({
  listPatches: {
    method: "GET",
    path: "/api/snapshots/{ref}/patches",
    summary: "A snapshot's patches in sequence order",
    description: "Live patches; `include=removed` adds the removed ones. Each carries its exact `rollout` over the snapshot's sandboxes.",
    access: "viewer",
    params: ref,
    query: z.strictObject({ include: z.literal("removed").optional() }),
    responses: { 200: z.strictObject({ patches: z.array(patchWithRollout) }) },
    errors: ["snapshot_not_found"],
  },
  attachPatch: {
    method: "POST",
    path: "/api/snapshots/{ref}/patches",
    summary: "Attach a patch to a snapshot",
    description: "Sequences are assigned 1, 2, 3… without gaps under concurrency. A deleted snapshot takes no patches (409 snapshot_not_live).",
    access: "editor",
    params: ref,
    body: z.strictObject({ script, description: description.optional() }),
    headers: {
      "Idempotency-Key": `1-255 visible ASCII characters: the same key and body within ${IDEMPOTENCY_WINDOW_HOURS} h answer with the same patch (header Idempotent-Replayed: true).`,
    },
    responses: { 201: attachAnswer },
    errors: ["snapshot_not_found", "snapshot_not_live", "invalid_idempotency_key", "idempotency_key_reused"],
  },
  removePatch: {
    method: "DELETE",
    path: "/api/snapshots/{ref}/patches/{patchId}",
    summary: "Remove a live patch (kept for history, never applied again)",
    access: "editor",
    params: z.strictObject({ ref: snapshotRef, patchId }),
    responses: { 200: z.strictObject({ patch }) },
    errors: ["snapshot_not_found", "patch_not_found"],
  },
});
