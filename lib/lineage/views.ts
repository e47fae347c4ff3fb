import { sql } from "drizzle-orm";

/**
 * SQL fragments and row mappers shared by every read that returns a snapshot or a sandbox,
 * so the tree, the detail routes and search answer with one shape.
 */

/** Columns of a snapshot `s` (with its source sandbox `src` left-joined). */
export const snapshotColumns = sql.raw(`
  s.id, s.name, s.parent_id, s.status, s.size_bytes::float8 AS size_bytes, s.created_at, s.expires_at,
  src.id AS source_id, src.name AS source_name,
  (SELECT count(*)::int FROM patches p WHERE p.snapshot_id = s.id AND p.removed_at IS NULL) AS patch_count`);

export const snapshotFrom = sql.raw(`snapshots s LEFT JOIN sandboxes src ON src.id = s.source_sandbox_id`);

/** Patch state of a sandbox `b` against its base snapshot's live patches. */
export const sandboxPatchStateColumns = sql.raw(`
  (SELECT count(*)::int FROM patches p
     WHERE p.snapshot_id = b.based_on_snapshot_id AND p.removed_at IS NULL AND p.sequence > b.last_patch_sequence
  ) AS pending_patches,
  (SELECT p.sequence FROM patch_applications a JOIN patches p ON p.id = a.patch_id
     WHERE a.sandbox_id = b.id AND a.status = 'failed' AND p.removed_at IS NULL AND p.sequence > b.last_patch_sequence
     ORDER BY a.created_at DESC, a.id DESC LIMIT 1
  ) AS failed_at_sequence`);

export type SnapshotRow = {
  id: string;
  name: string | null;
  parent_id: string | null;
  status: string;
  size_bytes: number;
  created_at: Date | string;
  expires_at: Date | string | null;
  source_id: string | null;
  source_name: string | null;
  patch_count: number;
};

export type SandboxRow = {
  id: string;
  name: string | null;
  status: string;
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
    sourceSandbox: r.source_id ? { id: r.source_id, name: r.source_name } : null,
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
