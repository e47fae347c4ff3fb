import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { preparedRows } from "../db/client";
import { SIBLINGS_MAX } from "../contract/limits";
import { badRequest } from "../http/errors";
import { snapshotNotFound } from "./snapshots";
import { patchStateView, sandboxPatchStateColumns, snapshotColumns, snapshotFrom, snapshotView, type SandboxRow, type SnapshotRow } from "./views";

export type TreeQuery = { snapshotId: string; sortOrder: "asc" | "desc"; limit: number; cursor?: string };

type SiblingRow = Pick<SandboxRow, "id" | "name" | "status" | "last_patch_sequence" | "pending_patches" | "failed_at_sequence">;
type TreeRow = { anchor_id: string | null; cursor_known: boolean } & (
  | (SnapshotRow & { siblings: SiblingRow[] | string; sibling_count: number; fetched: number })
  | { id: null }
);

// The newest child snapshot of `parent`: where a descendant walk goes next.
const newestChildOf = (parent: SQL) =>
  sql`SELECT c.id, c.source_sandbox_id FROM snapshots c WHERE c.parent_id = ${parent} ORDER BY c.created_at DESC, c.id DESC LIMIT 1`;

/**
 * The walk visits `limit + 1` snapshots at most (the extra one only tells whether a next page
 * exists). Each row carries `via`: the sandbox the chain runs through towards newer snapshots,
 * which that row's siblings leave out.
 */
function walk(q: TreeQuery): SQL {
  if (q.sortOrder === "desc") {
    const seed = q.cursor
      ? sql`SELECT p.id, p.parent_id, p.source_sandbox_id AS src, c.source_sandbox_id AS via, 0 AS depth
            FROM snapshots c JOIN snapshots p ON p.id = c.parent_id WHERE c.id = ${q.cursor}`
      : sql`SELECT s.id, s.parent_id, s.source_sandbox_id AS src, n.source_sandbox_id AS via, 0 AS depth
            FROM snapshots s LEFT JOIN LATERAL (${newestChildOf(sql`s.id`)}) n ON true WHERE s.id = (SELECT id FROM anchor)`;
    return sql`walk AS (
        ${seed}
        UNION ALL
        SELECT p.id, p.parent_id, p.source_sandbox_id, w.src, w.depth + 1
        FROM walk w JOIN snapshots p ON p.id = w.parent_id
        WHERE w.depth < ${q.limit}
      ),
      page AS (SELECT id, via, depth, count(*) OVER () AS fetched FROM walk)`;
  }
  const seed = q.cursor
    ? sql`SELECT n.id, n.source_sandbox_id AS src, 0 AS depth FROM (${newestChildOf(sql`${q.cursor}`)}) n`
    : sql`SELECT s.id, s.source_sandbox_id AS src, 0 AS depth FROM snapshots s WHERE s.id = (SELECT id FROM anchor)`;
  return sql`walk AS (
      ${seed}
      UNION ALL
      SELECT n.id, n.source_sandbox_id, w.depth + 1
      FROM walk w CROSS JOIN LATERAL (${newestChildOf(sql`w.id`)}) n
      WHERE w.depth < ${q.limit}
    ),
    page AS (SELECT id, lead(src) OVER (ORDER BY depth) AS via, depth, count(*) OVER () AS fetched FROM walk)`;
}

/**
 * One page of the lineage walk as one statement, so a page costs one round trip: it resolves the
 * anchor (id or name) and checks the cursor, then returns the chain, each node's details and its
 * newest sibling sandboxes (11 at most, to tell "10" from "10+"). Its cost depends on the page
 * size, not on the size of the lineage. Always at least one row: an empty page is one row of
 * nulls that still carries the checks. Exported so the benchmarks can EXPLAIN it.
 */
export function treePageStatement(q: TreeQuery): SQL {
  // Names never contain `_`, ids always start with `snap_`.
  const anchorColumn = q.snapshotId.startsWith("snap_") ? sql`a.id` : sql`a.name`;
  const cursorKnown = q.cursor ? sql`EXISTS (SELECT 1 FROM snapshots k WHERE k.id = ${q.cursor})` : sql`true`;
  return sql`WITH RECURSIVE anchor AS (SELECT a.id FROM snapshots a WHERE ${anchorColumn} = ${q.snapshotId}),
      ${walk(q)},
      nodes AS (
        SELECT ${snapshotColumns}, page.depth, page.fetched::int AS fetched, sib.siblings, sib.sibling_count
        FROM page JOIN ${snapshotFrom} ON s.id = page.id
        CROSS JOIN LATERAL (
          SELECT coalesce(json_agg(x ORDER BY x.created_at DESC, x.id DESC), '[]'::json) AS siblings, count(*)::int AS sibling_count
          FROM (
            SELECT b.id, b.name, b.status, b.last_patch_sequence, b.created_at, ${sandboxPatchStateColumns}
            FROM sandboxes b
            WHERE b.based_on_snapshot_id = s.id AND b.id IS DISTINCT FROM page.via
            ORDER BY b.created_at DESC, b.id DESC
            LIMIT ${SIBLINGS_MAX + 1}
          ) x
        ) sib
        WHERE page.depth < ${q.limit}
      )
      SELECT (SELECT id FROM anchor) AS anchor_id, ${cursorKnown} AS cursor_known, nodes.*
      FROM (SELECT 1) one LEFT JOIN nodes ON true
      ORDER BY nodes.depth`;
}

export async function getTreePage(db: Executor, q: TreeQuery) {
  const result = await preparedRows<TreeRow>(db, treePageStatement(q));
  const checks = result[0]!;
  if (!checks.anchor_id) throw snapshotNotFound(q.snapshotId);
  if (!checks.cursor_known) throw badRequest("invalid_cursor", `Cursor ${q.cursor} is not a snapshot id from pagination.next.`);
  const list = result.filter((r): r is Extract<TreeRow, { fetched: number }> => r.id !== null);
  const hasMore = (list[0]?.fetched ?? 0) > q.limit;
  return {
    snapshots: list.map((r) => {
      const siblings = (typeof r.siblings === "string" ? (JSON.parse(r.siblings) as SiblingRow[]) : r.siblings)
        .slice(0, SIBLINGS_MAX)
        .map((b) => ({ id: b.id, name: b.name, status: b.status, ...patchStateView(b) }));
      return {
        ...snapshotView(r),
        siblings,
        count: r.sibling_count > SIBLINGS_MAX ? `${SIBLINGS_MAX}+` : String(r.sibling_count),
      };
    }),
    pagination: { next: hasMore ? list[list.length - 1]!.id : null },
  };
}
export type TreePage = Awaited<ReturnType<typeof getTreePage>>;
export type TreeNode = TreePage["snapshots"][number];
