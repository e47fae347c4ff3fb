import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { patches } from "../db/schema";
import type { SandboxStatus } from "../contract/enums";
import { livePatches, type FleetGroup, type LivePatches } from "./groups";

/**
 * The snapshot's groups, summed over fleet_counts' shards: one index range of the counts table
 * (its primary key starts with snapshot_id), a few dozen rows however many sandboxes there are.
 */
export async function loadGroups(db: Executor, snapshotId: string): Promise<FleetGroup[]> {
  const list = await rows<{ status: SandboxStatus; last: number; failed: number; n: string }>(
    db,
    sql`SELECT status, last_patch_sequence AS last, failed_at_sequence AS failed, sum(sandboxes)::text AS n
        FROM fleet_counts WHERE snapshot_id = ${snapshotId}
        GROUP BY 1, 2, 3 HAVING sum(sandboxes) > 0`,
  );
  return list.map((r) => ({ status: r.status, lastPatchSequence: r.last, failedAtSequence: r.failed, sandboxes: Number(r.n) }));
}

export type SnapshotPatch = { id: string; sequence: number; live: boolean };

/** Every patch of the snapshot (removed ones too) and the live sequences among them. */
export async function loadPatches(db: Executor, snapshotId: string): Promise<{ all: SnapshotPatch[]; live: LivePatches }> {
  const list = await db
    .select({ id: patches.id, sequence: patches.sequence, removedAt: patches.removedAt })
    .from(patches)
    .where(eq(patches.snapshotId, snapshotId))
    .orderBy(asc(patches.sequence));
  const all = list.map((p) => ({ id: p.id, sequence: p.sequence, live: p.removedAt === null }));
  return { all, live: livePatches(all.filter((p) => p.live).map((p) => p.sequence)) };
}
