import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { preparedRows } from "../db/client";
import { SIBLINGS_MAX } from "../contract/limits";
import { badRequest } from "../http/errors";
import { snapshotNotFound } from "./snapshots";
import { ancestorAtDepthSql } from "./ancestor";
import { patchStateView, sandboxPatchStateColumns, snapshotColumns, snapshotFrom, snapshotView, type SandboxRow, type SnapshotRow } from "./views";

export type TreeQuery = { snapshotId: string; sortOrder: "asc" | "desc"; limit: number; cursor?: string };

type SiblingRow = Pick<SandboxRow, "id" | "name" | "status" | "last_patch_sequence" | "pending_patches" | "failed_at_sequence">;
type TreeRow = { anchor_id: string | null; cursor_on_walk: boolean } & (
  | (SnapshotRow & { siblings: SiblingRow[] | string; sibling_count: number; fetched: number })
  | { id: null }
);

// The newest child snapshot of `parent` (at depth `parentDepth`): where a descendant walk goes next.
const newestChildOf = (parent: SQL, parentDepth: SQL) =>
  sql`SELECT c.id, c.depth, c.source_sandbox_id FROM snapshots c WHERE c.parent_id = ${parent} AND c.depth = ${parentDepth} + 1
      ORDER BY c.created_at DESC, c.id DESC LIMIT 1`;

/**
 * The walk visits `limit + 1` snapshots at most (the extra one only tells whether a next page
 * exists). Each row carries `via`: the sandbox the chain runs through towards newer snapshots,
 * which that row's siblings leave out. Every step moves exactly one generation (`depth` ± 1), so a
 * walk ends even on data that holds a loop (whose snapshots the ancestry repair leaves at depth 0,
 * their own root) instead of repeating its nodes forever.
 */
function walk(q: TreeQuery): SQL {
  if (q.sortOrder === "desc") {
    const seed = q.cursor
      ? sql`SELECT p.id, p.parent_id, p.depth, p.source_sandbox_id AS src, c.source_sandbox_id AS via, 0 AS step
            FROM snapshots c JOIN snapshots p ON p.id = c.parent_id AND p.depth = c.depth - 1 WHERE c.id = ${q.cursor}`
      : sql`SELECT s.id, s.parent_id, s.depth, s.source_sandbox_id AS src, n.source_sandbox_id AS via, 0 AS step
            FROM snapshots s LEFT JOIN LATERAL (${newestChildOf(sql`s.id`, sql`s.depth`)}) n ON true WHERE s.id = (SELECT id FROM anchor)`;
    return sql`walk AS (
        ${seed}
        UNION ALL
        SELECT p.id, p.parent_id, p.depth, p.source_sandbox_id, w.src, w.step + 1
        FROM walk w JOIN snapshots p ON p.id = w.parent_id AND p.depth = w.depth - 1
        WHERE w.step < ${q.limit}
      ),
      page AS (SELECT id, via, step, count(*) OVER () AS fetched FROM walk)`;
  }
  const seed = q.cursor
    ? sql`SELECT n.id, n.depth, n.source_sandbox_id AS src, 0 AS step
          FROM snapshots k CROSS JOIN LATERAL (${newestChildOf(sql`k.id`, sql`k.depth`)}) n WHERE k.id = ${q.cursor}`
    : sql`SELECT s.id, s.depth, s.source_sandbox_id AS src, 0 AS step FROM snapshots s WHERE s.id = (SELECT id FROM anchor)`;
  return sql`walk AS (
      ${seed}
      UNION ALL
      SELECT n.id, n.depth, n.source_sandbox_id, w.step + 1
      FROM walk w CROSS JOIN LATERAL (${newestChildOf(sql`w.id`, sql`w.depth`)}) n
      WHERE w.step < ${q.limit}
    ),
    page AS (SELECT id, lead(src) OVER (ORDER BY step) AS via, step, count(*) OVER () AS fetched FROM walk)`;
}

/**
 * Whether the cursor lies on the anchor's walk in the page's direction: the anchor or one of its
 * ancestors (`desc`), the anchor or one of its descendants (`asc`). Same root, depth on the right
 * side, and the ancestor lookup (skip pointers, a few probes) confirms the line. A cursor from
 * another lineage, or one ahead of the anchor, fails. For `asc` any descendant passes, not only
 * those on today's newest-child chain: a newer branch appearing between two pages must not break
 * a walk already under way.
 */
function cursorOnWalk(q: TreeQuery): SQL {
  if (!q.cursor) return sql`true`;
  // Aliases outside those of ancestorAtDepthSql, which sees these from inside its own query.
  const [upper, lower] = q.sortOrder === "desc" ? [sql`cur`, sql`anc`] : [sql`anc`, sql`cur`];
  return sql`EXISTS (
    SELECT 1 FROM anchor anc JOIN snapshots cur ON cur.id = ${q.cursor} AND cur.root_id = anc.root_id
    WHERE ${upper}.depth <= ${lower}.depth AND ${ancestorAtDepthSql(sql`${lower}.id`, sql`${upper}.depth`)} = ${upper}.id)`;
}

/**
 * One page of the lineage walk as one statement, so a page costs one round trip: it resolves the
 * anchor (id or name) and checks the cursor lies on its walk, then returns the chain, each node's details and its
 * newest sibling sandboxes (11 at most, to tell "10" from "10+"). Its cost depends on the page
 * size, not on the size of the lineage. Always at least one row: an empty page is one row of
 * nulls that still carries the checks. Exported so the benchmarks can EXPLAIN it.
 */
export function treePageStatement(q: TreeQuery): SQL {
  // Names never contain `_`, ids always start with `snap_`.
  const anchorColumn = q.snapshotId.startsWith("snap_") ? sql`a.id` : sql`a.name`;
  return sql`WITH RECURSIVE anchor AS (SELECT a.id, a.depth, a.root_id FROM snapshots a WHERE ${anchorColumn} = ${q.snapshotId}),
      ${walk(q)},
      nodes AS (
        SELECT ${snapshotColumns}, page.step, page.fetched::int AS fetched, sib.siblings, sib.sibling_count
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
        WHERE page.step < ${q.limit}
      )
      SELECT (SELECT id FROM anchor) AS anchor_id, ${cursorOnWalk(q)} AS cursor_on_walk, nodes.*
      FROM (SELECT 1) one LEFT JOIN nodes ON true
      ORDER BY nodes.step`;
}

export async function getTreePage(db: Executor, q: TreeQuery) {
  const result = await preparedRows<TreeRow>(db, treePageStatement(q));
  const checks = result[0]!;
  if (!checks.anchor_id) throw snapshotNotFound(q.snapshotId);
  if (!checks.cursor_on_walk) {
    throw badRequest("invalid_cursor", `Cursor ${q.cursor} is not on the ${q.sortOrder === "desc" ? "ancestors" : "descendants"} walk of ${q.snapshotId}; pass pagination.next back unchanged.`);
  }
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
