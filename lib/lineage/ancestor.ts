import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { preparedRows } from "../db/client";
import { badRequest, notFound } from "../http/errors";
import { snapshotNotFound } from "./snapshots";
import { snapshotColumns, snapshotFrom, snapshotView, type SnapshotRow } from "./views";

/**
 * Ancestor lookups along the skip pointers of lib/lineage/ancestry.ts. Why skip pointers rather
 * than a path encoding (a materialized path of every ancestor id): a path costs O(depth) bytes per
 * snapshot (12 000 ids at the bottom of a deep chain, rewritten for a whole subtree when it is
 * re-attached), while the pointers cost O(log depth) per snapshot and follow from the parent's
 * alone. A lookup hops from pointer to pointer, one primary-key probe per hop, a few dozen at
 * 12 000 deep, inside one recursive statement (one round trip). Never a walk of the chain. Each
 * hop must go up at least one generation, so a lookup ends even on a loop stored before loops
 * were refused.
 */

/** Index (0-based) of the farthest skip pointer of `h` that does not jump above depth `target`. */
const hopTowardsDepth = (target: SQL) =>
  sql`(SELECT k FROM generate_series(cardinality(h.skip_ids) - 1, 0, -1) k WHERE (((h.depth - 1) >> k) << k) >= ${target} LIMIT 1)`;

/**
 * SQL: the id of the ancestor of snapshot `from` (an id expression) at depth `target`, itself
 * when `target` is its depth; null when `target` is outside 0..its depth. Both expressions are
 * evaluated inside its own query, so they must not use the aliases s, n, h or k.
 */
export const ancestorAtDepthSql = (from: SQL, target: SQL) => sql`(
  WITH RECURSIVE hop AS (
    SELECT s.id, s.depth, s.skip_ids FROM snapshots s WHERE s.id = ${from} AND ${target} BETWEEN 0 AND s.depth
    UNION ALL
    SELECT n.id, n.depth, n.skip_ids FROM hop h JOIN snapshots n ON n.id = h.skip_ids[${hopTowardsDepth(target)} + 1] AND n.depth < h.depth
    WHERE h.depth > ${target}
  )
  SELECT id FROM hop WHERE depth = ${target})`;

/**
 * SQL: the newest snapshot on the chain of `from` (itself included) created at or before `asOf`;
 * null when even the root is newer. Creation times grow down a chain (a snapshot is taken of a
 * sandbox started from its parent), so `skip_created_at` lets each hop go to the farthest
 * ancestor still newer than `asOf` without reading it; once the parent is not newer, it is the answer.
 */
const ancestorAsOfSql = (from: SQL, asOf: Date) => {
  const t = sql`${asOf.toISOString()}::timestamptz`;
  return sql`(
    WITH RECURSIVE hop AS (
      SELECT s.id, s.depth, s.created_at, s.skip_ids, s.skip_created_at FROM snapshots s WHERE s.id = ${from}
      UNION ALL
      SELECT n.id, n.depth, n.created_at, n.skip_ids, n.skip_created_at
      FROM hop h JOIN snapshots n ON n.id = h.skip_ids[coalesce(
        (SELECT k FROM generate_series(cardinality(h.skip_created_at) - 1, 0, -1) k WHERE h.skip_created_at[k + 1] > ${t} LIMIT 1), 0) + 1]
        AND n.depth < h.depth
      WHERE h.created_at > ${t} AND h.depth > 0
    )
    SELECT id FROM hop WHERE created_at <= ${t} ORDER BY depth DESC LIMIT 1)`;
};

export type AncestorQuery = { depth: number; asOf?: undefined } | { asOf: Date; depth?: undefined };

/**
 * The ancestor of snapshot `ref` at a depth or as of a date (SPEC §2 "Deep chains"), in one
 * prepared statement: the snapshot itself (to tell "no such snapshot" from "no such ancestor"),
 * the hops and the ancestor's columns. Its planning cost as much as the hops (a recursive
 * statement), so PostgreSQL keeps the plan per connection.
 */
export async function getAncestor(db: Executor, ref: string, q: AncestorQuery) {
  const column = ref.startsWith("snap_") ? sql`self.id` : sql`self.name`;
  const lookup = q.asOf ? ancestorAsOfSql(sql`self.id`, q.asOf) : ancestorAtDepthSql(sql`self.id`, sql`${q.depth}::int`);
  const [row] = await preparedRows<SnapshotRow & { self_id: string | null; self_depth: number | null }>(
    db,
    sql`SELECT self.id AS self_id, self.depth AS self_depth, ${snapshotColumns}
        FROM (SELECT 1) one
        LEFT JOIN snapshots self ON ${column} = ${ref}
        LEFT JOIN LATERAL (SELECT ${lookup} AS id) found ON true
        LEFT JOIN (${snapshotFrom}) ON s.id = found.id`,
  );
  if (!row?.self_id) throw snapshotNotFound(ref);
  if (!row.id) {
    if (q.asOf) throw notFound("no_snapshot_then", `The chain of ${row.self_id} did not exist yet at ${q.asOf.toISOString()}.`);
    throw badRequest("invalid_query", `depth must be from 0 to ${row.self_depth} (the depth of ${row.self_id}).`);
  }
  return snapshotView(row);
}
