import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { preparedRows, rows } from "../db/client";
import type { SnapshotStatus } from "../contract/enums";
import { snapshotNotFound } from "./snapshots";

/**
 * The chain of snapshots around one snapshot, each with its sibling snapshots (the others taken
 * from sandboxes started from the same parent). This is how Vercel's snapshot tree sees lineage,
 * sandboxes left out; Lineage's own tree (tree.ts) lists sibling sandboxes instead.
 */
export type ChainSnapshot = {
  id: string;
  parentId: string | null;
  sourceSandboxId: string | null;
  status: SnapshotStatus;
  sizeBytes: number;
  createdAt: Date;
  expiresAt: Date | null;
};
/** `siblings`: the newest others with the same parent, at most `siblingsMax + 1` (one more tells "more than max"). */
export type ChainNode = { snapshot: ChainSnapshot; siblings: ChainSnapshot[] };
export type ChainQuery = { ref: string; direction: "asc" | "desc"; limit: number; siblingsMax: number };

type RawSnapshot = { id: string; parent_id: string | null; source_sandbox_id: string | null; status: SnapshotStatus; size_bytes: number; created_at: Date | string; expires_at: Date | string | null };
type ChainRow = RawSnapshot & { depth: number; siblings: RawSnapshot[] | string };

const newestChildOf = (parent: SQL) =>
  sql`SELECT c.id FROM snapshots c WHERE c.parent_id = ${parent} ORDER BY c.created_at DESC, c.id DESC LIMIT 1`;

/**
 * Up to `limit + 1` snapshots after the anchor (the extra one only says a next page exists):
 * ancestors for `desc`, descendants through the newest child for `asc` (as Lineage's tree walks).
 */
function walk(q: ChainQuery): SQL {
  if (q.direction === "desc") {
    return sql`walk(id, depth) AS (
        SELECT s.parent_id, 1 FROM snapshots s JOIN anchor a ON a.id = s.id WHERE s.parent_id IS NOT NULL
        UNION ALL
        SELECT s.parent_id, w.depth + 1 FROM walk w JOIN snapshots s ON s.id = w.id
        WHERE s.parent_id IS NOT NULL AND w.depth <= ${q.limit}
      )`;
  }
  return sql`walk(id, depth) AS (
      SELECT n.id, 1 FROM anchor a CROSS JOIN LATERAL (${newestChildOf(sql`a.id`)}) n
      UNION ALL
      SELECT n.id, w.depth + 1 FROM walk w CROSS JOIN LATERAL (${newestChildOf(sql`w.id`)}) n
      WHERE w.depth <= ${q.limit}
    )`;
}

const columns = (alias: string) =>
  sql.raw(`${alias}.id, ${alias}.parent_id, ${alias}.source_sandbox_id, ${alias}.status, ${alias}.size_bytes::float8 AS size_bytes, ${alias}.created_at, ${alias}.expires_at`);

/** One statement: its cost follows the page size, not the chain's length or a parent's fan-out. */
export function chainStatement(q: ChainQuery): SQL {
  const anchorColumn = q.ref.startsWith("snap_") ? sql`id` : sql`name`;
  return sql`WITH RECURSIVE anchor AS (SELECT id FROM snapshots WHERE ${anchorColumn} = ${q.ref}),
      ${walk(q)},
      nodes AS (SELECT id, 0 AS depth FROM anchor UNION ALL SELECT id, depth FROM walk)
    SELECT n.depth, ${columns("s")}, sib.siblings
    FROM nodes n JOIN snapshots s ON s.id = n.id
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(x ORDER BY x.created_at DESC, x.id DESC), '[]'::json) AS siblings
      FROM (
        SELECT ${columns("o")} FROM snapshots o
        WHERE o.parent_id = s.parent_id AND o.id <> s.id
        ORDER BY o.created_at DESC, o.id DESC
        LIMIT ${q.siblingsMax + 1}
      ) x
    ) sib
    ORDER BY n.depth`;
}

const toSnapshot = (r: RawSnapshot): ChainSnapshot => ({
  id: r.id,
  parentId: r.parent_id,
  sourceSandboxId: r.source_sandbox_id,
  status: r.status,
  sizeBytes: Number(r.size_bytes),
  createdAt: new Date(r.created_at),
  expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
});

/** One snapshot by id or name, in the chain's shape. */
export async function chainSnapshot(db: Executor, ref: string): Promise<ChainSnapshot> {
  const column = ref.startsWith("snap_") ? sql`s.id` : sql`s.name`;
  const [row] = await rows<RawSnapshot>(db, sql`SELECT ${columns("s")} FROM snapshots s WHERE ${column} = ${ref}`);
  if (!row) throw snapshotNotFound(ref);
  return toSnapshot(row);
}

/** The anchor (by id or name), then up to `limit` snapshots in the direction asked, and whether more follow. */
export async function snapshotChain(db: Executor, q: ChainQuery): Promise<{ anchor: ChainNode; nodes: ChainNode[]; more: boolean }> {
  const result = await preparedRows<ChainRow>(db, chainStatement(q));
  if (!result.length) throw snapshotNotFound(q.ref);
  const [anchor, ...rest] = result.map((r) => ({
    snapshot: toSnapshot(r),
    siblings: (typeof r.siblings === "string" ? (JSON.parse(r.siblings) as RawSnapshot[]) : r.siblings).map(toSnapshot),
  }));
  return { anchor: anchor!, nodes: rest.slice(0, q.limit), more: rest.length > q.limit };
}
