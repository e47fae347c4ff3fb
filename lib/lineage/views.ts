import { sql } from "drizzle-orm";
import type { SandboxStatus, SnapshotStatus } from "../contract/enums";

/**
 * SQL fragments and row mappers shared by every read that returns a snapshot or a sandbox,
 * so the tree, the detail routes and search answer with one shape.
 */

/** Patch state of the sandbox aliased `alias` against its base snapshot's live patches, as `{prefix}pending_patches` and `{prefix}failed_at_sequence`. */
const patchStateOf = (alias: string, prefix = "") => `
  (SELECT count(*)::int FROM patches p
     WHERE p.snapshot_id = ${alias}.based_on_snapshot_id AND p.removed_at IS NULL AND p.sequence > ${alias}.last_patch_sequence
  ) AS ${prefix}pending_patches,
  (SELECT p.sequence FROM patches p
     WHERE p.snapshot_id = ${alias}.based_on_snapshot_id AND p.sequence = ${alias}.failed_at_sequence
       AND p.sequence > ${alias}.last_patch_sequence AND p.removed_at IS NULL
  ) AS ${prefix}failed_at_sequence`;

/** Patch state of a sandbox `b`. */
export const sandboxPatchStateColumns = sql.raw(patchStateOf("b"));

/** Columns of a snapshot `s` (with its source sandbox `src` left-joined, and that sandbox's state). */
export const snapshotColumns = sql.raw(`
  s.id, s.name, s.parent_id, s.depth, s.root_id, s.status, s.size_bytes::float8 AS size_bytes, s.created_at, s.expires_at,
  src.id AS source_id, src.name AS source_name, src.status AS source_status, src.last_patch_sequence AS source_last_patch_sequence,
  ${patchStateOf("src", "source_")},
  (SELECT count(*)::int FROM patches p WHERE p.snapshot_id = s.id AND p.removed_at IS NULL) AS patch_count`);

export const snapshotFrom = sql.raw(`snapshots s LEFT JOIN sandboxes src ON src.id = s.source_sandbox_id`);

export type SnapshotRow = {
  id: string;
  name: string | null;
  parent_id: string | null;
  depth: number;
  root_id: string;
  status: SnapshotStatus;
  size_bytes: number;
  created_at: Date | string;
  expires_at: Date | string | null;
  source_id: string | null;
  source_name: string | null;
  source_status: SandboxStatus | null;
  source_last_patch_sequence: number | null;
  source_pending_patches: number | null;
  source_failed_at_sequence: number | null;
  patch_count: number;
};

export type SandboxRow = {
  id: string;
  name: string | null;
  status: SandboxStatus;
  based_on_snapshot_id: string | null;
  last_patch_sequence: number;
  created_at: Date | string;
  updated_at: Date | string;
  pending_patches: number;
  failed_at_sequence: number | null;
};

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function snapshotView(r: SnapshotRow) {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    depth: r.depth,
    rootId: r.root_id,
    // The sandbox the snapshot was taken of, with its state, so a client can draw it without another request.
    sourceSandbox: r.source_id
      ? {
          id: r.source_id,
          name: r.source_name,
          status: r.source_status!,
          ...patchStateView({
            last_patch_sequence: r.source_last_patch_sequence!,
            pending_patches: r.source_pending_patches!,
            failed_at_sequence: r.source_failed_at_sequence,
          }),
        }
      : null,
    status: r.status,
    sizeBytes: Number(r.size_bytes),
    createdAt: iso(r.created_at),
    expiresAt: isoOrNull(r.expires_at),
    patchCount: r.patch_count,
  };
}
export type SnapshotView = ReturnType<typeof snapshotView>;

/** The patch state a sandbox shows: patched to #N, N pending, failed at #N. */
export function patchStateView(r: Pick<SandboxRow, "last_patch_sequence" | "pending_patches" | "failed_at_sequence">) {
  return {
    lastPatchSequence: r.last_patch_sequence,
    pendingPatches: r.pending_patches,
    failedAtSequence: r.failed_at_sequence,
  };
}

export function sandboxView(r: SandboxRow) {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    basedOnSnapshotId: r.based_on_snapshot_id,
    ...patchStateView(r),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
export type SandboxView = ReturnType<typeof sandboxView>;
