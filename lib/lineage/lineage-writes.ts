import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { conflict } from "../http/errors";

/**
 * The lock and the checks that keep the lineage a tree with exact depths and roots (SPEC §1).
 *
 * Why one transaction-level advisory lock: a loop can only close when a snapshot that is a root
 * today gets a parent (a new snapshot has no descendants yet), and two re-parentings that each
 * pass their check alone can close one together (A under B's subtree while B goes under A's). So
 * every ancestry change of existing snapshots (a re-parenting, a new created_at that the skip
 * pointers copy) holds the lock exclusively: its loop check and its subtree repair then read
 * committed, exact ancestry. A new snapshot holds it shared: inserts run side by side, but never
 * beside a repair that would miss the uncommitted row or hand it a parent's stale depth. Plain
 * status reports, the hot path of a large fleet, never take it; re-parenting is rare (lineage
 * reported out of order). Taken before any row lock of the same transaction, so the two never
 * wait on each other in opposite orders.
 */
const LINEAGE_LOCK = 0x4c696e65;

export type LineageLock = "shared" | "exclusive";

export async function lockLineage(tx: Executor, mode: LineageLock) {
  await rows(tx, mode === "shared" ? sql`SELECT pg_advisory_xact_lock_shared(${LINEAGE_LOCK}::bigint)` : sql`SELECT pg_advisory_xact_lock(${LINEAGE_LOCK}::bigint)`);
}

/** Picks snapshots through a condition on the alias it is given. */
export type SnapshotsWhere = (alias: SQL) => SQL;

/**
 * Gives the root snapshots picked by `which` the parent `parentId`, then repairs their subtrees.
 * Under the exclusive lock. They are roots, so the parent descends from one of them exactly when
 * its root is one of them: one probe of the ancestry columns instead of a walk up the chain.
 */
export async function attachRoots(tx: Executor, which: SnapshotsWhere, parentId: string) {
  const [loop] = await rows<{ id: string }>(
    tx,
    sql`SELECT r.id FROM snapshots p JOIN snapshots r ON r.id = p.root_id WHERE p.id = ${parentId} AND ${which(sql`r`)}`,
  );
  if (loop) throw conflict("lineage_cycle", `Snapshot ${parentId} descends from ${loop.id}; it cannot become its ancestor.`);
  await rows(tx, sql`UPDATE snapshots s SET parent_id = ${parentId} WHERE ${which(sql`s`)}`);
  await repairSubtrees(tx, which);
}

/**
 * Recomputes depth, root and skip pointers of the snapshots picked by `which` and of everything
 * below them (drizzle/0003 `snapshot_ancestry_repair`): touches the affected subtree only. Only
 * where the parent hangs from a real root: a loop stored before loops were refused has no root
 * (its recorded root has a parent), and repairing into it would never end.
 */
export async function repairSubtrees(tx: Executor, which: SnapshotsWhere) {
  await rows(
    tx,
    sql`SELECT snapshot_ancestry_repair(ARRAY(
          SELECT s.id FROM snapshots s LEFT JOIN snapshots p ON p.id = s.parent_id LEFT JOIN snapshots r ON r.id = p.root_id
          WHERE ${which(sql`s`)} AND (s.parent_id IS NULL OR r.parent_id IS NULL)))`,
  );
}
