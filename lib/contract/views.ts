/**
 * Response shapes shared by several routes: a snapshot, a sandbox, a patch. Each carries an
 * OpenAPI component name (`meta.id`), so the document names it once and refers to it.
 */
import { z } from "zod";
import { applicationStatuses, patchStates, roles, sandboxStatuses, snapshotStatuses } from "./enums";
import { count, patchId, sandboxId, snapshotId, timestamp, tokenId } from "./fields";

/** Where a sandbox stands with its base snapshot's patches. */
const patchStateFields = {
  lastPatchSequence: count.describe("The last patch it applied (0: none)."),
  pendingPatches: count.describe("Live patches above lastPatchSequence."),
  failedAtSequence: z.number().int().min(1).nullable().describe("The live patch its last run failed at, if any."),
};

/** A sandbox as drawn beside a snapshot (a tree node's siblings, a snapshot's source). */
export const sandboxSummary = z
  .strictObject({ id: sandboxId, name: z.string().nullable(), status: z.enum(sandboxStatuses), ...patchStateFields })
  .meta({ id: "SandboxSummary" });

export const snapshot = z
  .strictObject({
    id: snapshotId,
    name: z.string().nullable(),
    parentId: snapshotId.nullable(),
    depth: count.describe("Generations below its root (a root is 0)."),
    rootId: snapshotId.describe("The root of its chain (itself for a root)."),
    sourceSandbox: sandboxSummary.nullable().describe("The sandbox the snapshot was taken of, with its patch state."),
    status: z.enum(snapshotStatuses),
    sizeBytes: count,
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    patchCount: count.describe("Live patches attached to it."),
  })
  .meta({ id: "Snapshot" });

export const sandbox = z
  .strictObject({
    id: sandboxId,
    name: z.string().nullable(),
    status: z.enum(sandboxStatuses),
    basedOnSnapshotId: snapshotId.nullable(),
    ...patchStateFields,
    createdAt: timestamp,
    updatedAt: timestamp,
    currentSnapshotId: snapshotId.nullable().describe("The newest snapshot taken of it, else the one it started from."),
  })
  .meta({ id: "Sandbox" });

export const patch = z
  .strictObject({
    id: patchId,
    snapshotId,
    sequence: z.number().int().min(1),
    script: z.string(),
    description: z.string(),
    createdBy: z.string(),
    createdAt: timestamp,
    removedAt: timestamp.nullable(),
    removedBy: z.string().nullable(),
  })
  .meta({ id: "Patch" });

/** A patch with its state on one sandbox and that sandbox's latest run of it. */
export const sandboxPatch = z
  .strictObject({
    ...patch.shape,
    state: z.enum(patchStates),
    output: z.string().nullable(),
    outputTruncated: z.boolean(),
    ranAt: timestamp.nullable(),
  })
  .meta({ id: "SandboxPatch" });

export const patchRun = z.strictObject({
  patchId,
  sequence: z.number().int().min(1),
  status: z.enum(applicationStatuses),
  output: z.string(),
  outputTruncated: z.boolean(),
  createdAt: timestamp,
});

export const token = z
  .strictObject({ id: tokenId, name: z.string(), role: z.enum(roles), createdAt: timestamp, revokedAt: timestamp.nullable() })
  .meta({ id: "Token" });

export const user = z
  .strictObject({
    id: z.string().describe("The token (tok_…) or, signed in through the identity provider, the user (usr_…)."),
    kind: z.enum(["token", "user"]),
    name: z.string(),
    role: z.enum(roles),
  })
  .meta({ id: "User" });

export const pagination = <C extends z.ZodType>(cursor: C) =>
  z.strictObject({ next: cursor.nullable().describe("Pass back as `cursor` for the following page; null on the last page.") });
