import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { snapshots } from "../db/schema";
import { badRequest } from "../http/errors";
import { resolveSnapshotId } from "./snapshots";
import { patchStateView, sandboxPatchStateColumns, snapshotColumns, snapshotFrom, snapshotView, type SandboxRow, type SnapshotRow } from "./views";
import { eq } from "drizzle-orm";

export const MAX_SIBLINGS = 10;

export type TreeQuery = { snapshotId: string; sortOrder: "asc" | "desc"; limit: number; cursor?: string };

type SiblingRow = Pick<SandboxRow, "id" | "name" | "status" | "last_patch_sequence" | "pending_patches" | "failed_at_sequence">;
type TreeRow = SnapshotRow & { siblings: SiblingRow[] | string; sibling_count: number; fetched: number };

// The newest child snapshot of `parent`: where a descendant walk goes next.
const newestChildOf = (parent: SQL) =>
  sql`SELECT c.id, c.source_sandbox_id FROM snapshots c WHERE c.parent_id = ${parent} ORDER BY c.created_at DESC, c.id DESC LIMIT 1`;

/**
 * The walk visits `limit + 1` snapshots at most (the extra one only tells whether a next page
 * exists). Each row carries `via`: the sandbox the chain runs through towards newer snapshots,
 * which that row's siblings leave out.
 */
function walk(q: TreeQuery, anchorId: string): SQL {
  if (q.sortOrder === "desc") {
    const seed = q.cursor
      ? sql`SELECT p.id, p.parent_id, p.source_sandbox_id AS src, c.source_sandbox_id AS via, 0 AS depth
            FROM snapshots c JOIN snapshots p ON p.id = c.parent_id WHERE c.id = ${q.cursor}`
      : sql`SELECT s.id, s.parent_id, s.source_sandbox_id AS src, n.source_sandbox_id AS via, 0 AS depth
            FROM snapshots s LEFT JOIN LATERAL (${newestChildOf(sql`s.id`)}) n ON true WHERE s.id = ${anchorId}`;
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
    : sql`SELECT s.id, s.source_sandbox_id AS src, 0 AS depth FROM snapshots s WHERE s.id = ${anchorId}`;
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
 * One page of the lineage walk as one statement: the chain, each node's details and its newest
 * sibling sandboxes (11 at most, to tell "10" from "10+"). Its cost depends on the page size, not
 * on the size of the lineage. Exported so the benchmarks can EXPLAIN it.
 */
export function treePageStatement(q: TreeQuery, anchorId: string): SQL {
  return sql`WITH RECURSIVE ${walk(q, anchorId)}
      SELECT ${snapshotColumns}, page.fetched::int AS fetched, sib.siblings, sib.sibling_count
      FROM page JOIN ${snapshotFrom} ON s.id = page.id
      CROSS JOIN LATERAL (
        SELECT coalesce(json_agg(x ORDER BY x.created_at DESC, x.id DESC), '[]'::json) AS siblings, count(*)::int AS sibling_count
        FROM (
          SELECT b.id, b.name, b.status, b.last_patch_sequence, b.created_at, ${sandboxPatchStateColumns}
          FROM sandboxes b
          WHERE b.based_on_snapshot_id = s.id AND b.id IS DISTINCT FROM page.via
          ORDER BY b.created_at DESC, b.id DESC
          LIMIT ${MAX_SIBLINGS + 1}
        ) x
      ) sib
      WHERE page.depth < ${q.limit}
      ORDER BY page.depth`;
}

export async function getTreePage(db: Executor, q: TreeQuery) {
  const anchorId = await resolveSnapshotId(db, q.snapshotId);
  if (q.cursor) await assertCursor(db, q.cursor);
  const list = await rows<TreeRow>(db, treePageStatement(q, anchorId));
  const hasMore = (list[0]?.fetched ?? 0) > q.limit;
  return {
    snapshots: list.map((r) => {
      const siblings = (typeof r.siblings === "string" ? (JSON.parse(r.siblings) as SiblingRow[]) : r.siblings)
        .slice(0, MAX_SIBLINGS)
        .map((b) => ({ id: b.id, name: b.name, status: b.status, ...patchStateView(b) }));
      return {
        ...snapshotView(r),
        siblings,
        count: r.sibling_count > MAX_SIBLINGS ? `${MAX_SIBLINGS}+` : String(r.sibling_count),
      };
    }),
    pagination: { next: hasMore ? list[list.length - 1]!.id : null },
  };
}
export type TreePage = Awaited<ReturnType<typeof getTreePage>>;
export type TreeNode = TreePage["snapshots"][number];

async function assertCursor(db: Executor, cursor: string) {
  const [row] = await db.select({ id: snapshots.id }).from(snapshots).where(eq(snapshots.id, cursor)).limit(1);
  if (!row) throw badRequest("invalid_cursor", `Cursor ${cursor} is not a snapshot id from pagination.next.`);
}
