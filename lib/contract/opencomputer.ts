/**
 * OpenComputer's checkpoint-patch routes, for `@opencomputer/sdk` (Sandbox.createCheckpointPatch,
 * listCheckpointPatches, deleteCheckpointPatch). Same domain as patches.ts, that platform's shapes:
 * errors are `{"error": "<message>"}`, the token may come as `X-API-Key`.
 */
import { z } from "zod";
import { description, patchId, script, snapshotId, snapshotRef, timestamp } from "./fields";
import { defineRoutes } from "./registry";

export const checkpointPatch = z
  .strictObject({
    id: patchId,
    checkpointId: snapshotId.describe("The snapshot the patch is attached to."),
    sequence: z.number().int().min(1),
    script: z.string(),
    description: z.string(),
    strategy: z.literal("on_wake").describe("Applied when a sandbox started from the checkpoint next wakes."),
    createdAt: timestamp,
  })
  .meta({ id: "CheckpointPatch" });

const checkpoint = { checkpointId: snapshotRef.describe("A snapshot id (snap_…) or name.") };

export const openComputerRoutes = defineRoutes({
  createCheckpointPatch: {
    method: "POST",
    path: "/api/sandboxes/checkpoints/{checkpointId}/patches",
    summary: "Attach a patch to a snapshot (OpenComputer's client)",
    access: "editor",
    params: z.strictObject(checkpoint),
    body: z.strictObject({ script, description: description.optional() }),
    responses: { 201: z.strictObject({ patch: checkpointPatch }) },
    errors: ["snapshot_not_found"],
    errorShape: "message",
  },
  listCheckpointPatches: {
    method: "GET",
    path: "/api/sandboxes/checkpoints/{checkpointId}/patches",
    summary: "A snapshot's live patches in sequence order, as a bare array (OpenComputer's client)",
    access: "viewer",
    params: z.strictObject(checkpoint),
    responses: { 200: z.array(checkpointPatch) },
    errors: ["snapshot_not_found"],
    errorShape: "message",
  },
  deleteCheckpointPatch: {
    method: "DELETE",
    path: "/api/sandboxes/checkpoints/{checkpointId}/patches/{patchId}",
    summary: "Remove a live patch (OpenComputer's client)",
    access: "editor",
    params: z.strictObject({ ...checkpoint, patchId }),
    responses: { 204: z.null().describe("No body.") },
    errors: ["snapshot_not_found", "patch_not_found"],
    errorShape: "message",
  },
});
