import { z } from "zod";
import { applicationStatuses, sandboxStatuses, searchKinds, snapshotStatuses } from "./enums";
import { isoDate, name, pageLimit, patchId, sandboxId, sandboxRef, snapshotId, timestamp } from "./fields";
import { OUTPUT_MAX_CHARS, RECENT_SANDBOXES_DEFAULT, RECENT_SANDBOXES_MAX, SEARCH_QUERY_MAX_CHARS, SEARCH_RESULTS_MAX } from "./limits";
import { defineRoutes } from "./registry";
import { patch, patchRun, sandbox, sandboxPatch } from "./views";

const byId = z.strictObject({ ref: sandboxId });

export const searchHit = z.strictObject({
  kind: z.enum(searchKinds),
  id: z.union([sandboxId, snapshotId]),
  name: z.string().nullable(),
  status: z.union([z.enum(sandboxStatuses), z.enum(snapshotStatuses)]),
  createdAt: timestamp,
});

export const sandboxRoutes = defineRoutes({
  recentSandboxes: {
    method: "GET",
    path: "/api/sandboxes",
    summary: "Recently active sandboxes (newest activity first)",
    access: "viewer",
    query: z.strictObject({ limit: pageLimit(RECENT_SANDBOXES_MAX, RECENT_SANDBOXES_DEFAULT) }),
    responses: { 200: z.strictObject({ sandboxes: z.array(sandbox) }) },
    errors: [],
  },
  getSandbox: {
    method: "GET",
    path: "/api/sandboxes/{ref}",
    summary: "A sandbox by id or name, with its current snapshot",
    access: "viewer",
    params: z.strictObject({ ref: sandboxRef }),
    responses: { 200: z.strictObject({ sandbox }) },
    errors: ["sandbox_not_found"],
  },
  putSandbox: {
    method: "PUT",
    path: "/api/sandboxes/{ref}",
    summary: "Report a sandbox (runtime): create or update",
    description: "`basedOnSnapshotId` is fixed once set; `createdAt` once the sandbox exists (the fleet list walks by it).",
    access: "runtime",
    params: byId,
    body: z.strictObject({
      name: name.nullable().optional(),
      status: z.enum(sandboxStatuses),
      basedOnSnapshotId: snapshotId.optional(),
      createdAt: isoDate.optional(),
    }),
    responses: { 200: z.strictObject({ sandbox }), 201: z.strictObject({ sandbox }) },
    errors: ["unknown_snapshot", "name_taken", "name_reserved", "based_on_immutable", "created_at_immutable", "lineage_cycle"],
  },
  sandboxPatches: {
    method: "GET",
    path: "/api/sandboxes/{ref}/patches",
    summary: "The patches that reach a sandbox, each with its state there",
    access: "viewer",
    params: z.strictObject({ ref: sandboxRef }),
    responses: { 200: z.strictObject({ sandbox, patches: z.array(sandboxPatch) }) },
    errors: ["sandbox_not_found"],
  },
  pendingPatches: {
    method: "GET",
    path: "/api/sandboxes/{ref}/pending-patches",
    summary: "Live patches the sandbox has not applied yet, in the order to apply them (runtime)",
    access: "runtime",
    params: byId,
    responses: { 200: z.strictObject({ patches: z.array(patch) }) },
    errors: ["sandbox_not_found"],
  },
  reportPatchResult: {
    method: "POST",
    path: "/api/sandboxes/{ref}/patch-results",
    summary: "Record one patch run on a sandbox (runtime)",
    description: `Only the next pending patch may be reported. Output longer than ${OUTPUT_MAX_CHARS} characters keeps its end.`,
    access: "runtime",
    params: byId,
    body: z.strictObject({ patchId, status: z.enum(applicationStatuses), output: z.string().optional() }),
    responses: {
      201: z.strictObject({ result: patchRun, sandbox: z.strictObject({ id: sandboxId, lastPatchSequence: z.number().int().min(0) }) }),
    },
    errors: ["sandbox_not_found", "patch_not_found", "patch_not_for_sandbox", "patch_removed", "already_applied", "out_of_order"],
  },
  search: {
    method: "GET",
    path: "/api/search",
    summary: `Up to ${SEARCH_RESULTS_MAX} sandboxes and snapshots whose id or name contains q`,
    description: "Exact matches first, then prefixes, then the rest; newest first within each.",
    access: "viewer",
    query: z.strictObject({ q: z.string().trim().min(1, "must not be empty").max(SEARCH_QUERY_MAX_CHARS, `must be at most ${SEARCH_QUERY_MAX_CHARS} characters`) }),
    responses: { 200: z.strictObject({ results: z.array(searchHit).max(SEARCH_RESULTS_MAX) }) },
    errors: [],
  },
});
