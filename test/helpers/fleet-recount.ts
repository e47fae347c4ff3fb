import { sql } from "drizzle-orm";
import { getDb } from "@/lib/boot";
import { rows } from "@/lib/db/client";

/**
 * A snapshot's fleet recounted from the rows themselves (sandboxes and patches, not fleet_counts),
 * newest first: the oracle the fleet list, its counts, rollouts and reach are checked against.
 */
export type RecountedSandbox = {
  id: string;
  name: string | null;
  status: string;
  last: number;
  /** The live patch its last run failed at (above what it applied), else null. */
  failedAt: number | null;
  livePending: number;
};

export async function recountFleet(snapshotId: string) {
  const db = await getDb();
  const sandboxes = await rows<RecountedSandbox>(
    db,
    sql`SELECT b.id, b.name, b.status, b.last_patch_sequence AS last,
          (SELECT p.sequence FROM patches p WHERE p.snapshot_id = b.based_on_snapshot_id AND p.removed_at IS NULL
             AND p.sequence = b.failed_at_sequence AND p.sequence > b.last_patch_sequence) AS "failedAt",
          (SELECT count(*)::int FROM patches p WHERE p.snapshot_id = b.based_on_snapshot_id AND p.removed_at IS NULL
             AND p.sequence > b.last_patch_sequence) AS "livePending"
        FROM sandboxes b WHERE b.based_on_snapshot_id = ${snapshotId}
        ORDER BY b.created_at DESC, b.id DESC`,
  );
  const patches = await rows<{ id: string; sequence: number; live: boolean }>(
    db,
    sql`SELECT id, sequence, removed_at IS NULL AS live FROM patches WHERE snapshot_id = ${snapshotId} ORDER BY sequence`,
  );
  const rawFailedAt = new Map(
    (await rows<{ id: string; f: number }>(db, sql`SELECT id, failed_at_sequence AS f FROM sandboxes WHERE based_on_snapshot_id = ${snapshotId}`)).map(
      (r) => [r.id, r.f],
    ),
  );
  const state = (s: RecountedSandbox) => (s.failedAt !== null ? "failed" : s.livePending > 0 ? "pending" : "upToDate");
  const stateFor = (s: RecountedSandbox, sequence: number) =>
    s.last >= sequence ? "applied" : rawFailedAt.get(s.id) === sequence ? "failed" : s.failedAt !== null && s.failedAt < sequence ? "blocked" : "pending";
  const tally = (keys: string[], of: (s: RecountedSandbox) => string) => {
    const out = Object.fromEntries(keys.map((k) => [k, 0]));
    for (const s of sandboxes) out[of(s)]! += 1;
    return out;
  };
  const statuses = ["pending", "running", "stopping", "stopped", "failed", "snapshotting"];
  return {
    sandboxes,
    patches,
    state,
    stateFor,
    counts: { total: sandboxes.length, state: tally(["upToDate", "pending", "failed"], state), status: tally(statuses, (s) => s.status) },
    countsFor: (sequence: number) => ({
      total: sandboxes.length,
      state: tally(["applied", "pending", "blocked", "failed"], (s) => stateFor(s, sequence)),
      status: tally(statuses, (s) => s.status),
    }),
    rolloutFor: (sequence: number) => ({ total: sandboxes.length, ...tally(["applied", "pending", "blocked", "failed"], (s) => stateFor(s, sequence)) }),
  };
}

/** fleet_counts summed over shards, next to the same groups counted from the sandboxes. */
export async function fleetCountsVersusRows() {
  const db = await getDb();
  const group = (from: string) => `SELECT based_on_snapshot_id AS snapshot_id, status, last_patch_sequence, failed_at_sequence, count(*)::int AS n
    FROM sandboxes WHERE based_on_snapshot_id IS NOT NULL GROUP BY 1, 2, 3, 4 ${from}`;
  const kept = await rows<Record<string, unknown>>(
    db,
    sql`SELECT snapshot_id, status, last_patch_sequence, failed_at_sequence, sum(sandboxes)::int AS n FROM fleet_counts
        GROUP BY 1, 2, 3, 4 HAVING sum(sandboxes) <> 0 ORDER BY 1, 2, 3, 4`,
  );
  const counted = await rows<Record<string, unknown>>(db, sql.raw(`${group("")} ORDER BY 1, 2, 3, 4`));
  return { kept, counted };
}
