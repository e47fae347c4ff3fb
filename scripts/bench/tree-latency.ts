import { sql } from "drizzle-orm";
import { rows, type Db } from "../../lib/db/client";
import { getTreePage, treePageStatement, type TreeQuery } from "../../lib/lineage/tree";
import { search } from "../../lib/lineage/search";
import { anchorNames, type ScaleShape } from "./scale-lineage";
import type { Timed } from "./stats";

/**
 * The tree pages a user of the lineage page asks for: first pages and cursor pages, both
 * directions, anchored deep in the long chain and on a hub with hundreds of sandboxes.
 */
export async function treeCases(db: Db, shape: ScaleShape): Promise<{ name: string; query: TreeQuery }[]> {
  const { chainMid: deep, chainHub: bushy } = anchorNames(shape);
  const first = (snapshotId: string, sortOrder: "asc" | "desc"): TreeQuery => ({ snapshotId, sortOrder, limit: 10 });
  const deepDesc = await getTreePage(db, first(deep, "desc"));
  const deepAsc = await getTreePage(db, first(deep, "asc"));
  const hubAsc = await getTreePage(db, first(bushy, "asc"));
  const hubDesc = await getTreePage(db, first(bushy, "desc"));
  const hub = hubAsc.snapshots[0]!;
  if (hub.count !== "10+") throw new Error(`Anchor ${bushy} should have 10+ sibling sandboxes, has ${hub.count}`);
  // Cursor pages from the hub: the server refuses cursors off the anchor's walk, so only the
  // cursors it handed out are used; a walk that fits in one page has no such case.
  const hubCursorPages = ([["desc", hubDesc], ["asc", hubAsc]] as const).flatMap(([order, page]) =>
    page.pagination.next ? [{ name: `hub, cursor page, ${order}`, query: { ...first(bushy, order), cursor: page.pagination.next } }] : [],
  );
  return [
    { name: "deep chain, first page, desc", query: first(deep, "desc") },
    { name: "deep chain, first page, asc", query: first(deep, "asc") },
    { name: "deep chain, cursor page, desc", query: { ...first(deep, "desc"), cursor: deepDesc.pagination.next! } },
    { name: "deep chain, cursor page, asc", query: { ...first(deep, "asc"), cursor: deepAsc.pagination.next! } },
    { name: "hub, first page, desc", query: first(bushy, "desc") },
    { name: "hub, first page, asc", query: first(bushy, "asc") },
    ...hubCursorPages,
  ];
}

/** The tree pages as timed calls of getTreePage. */
export async function treeCalls(db: Db, shape: ScaleShape): Promise<Timed[]> {
  return (await treeCases(db, shape)).map((c) => ({ name: c.name, run: () => getTreePage(db, c.query) }));
}

/** Searches as typed in the search box: exact names, prefixes, id fragments, and a term that matches everything. */
export function searchCalls(db: Db, shape: ScaleShape): Timed[] {
  return [anchorNames(shape).chainMid, "env-12", "sb-7", "scale", "snap_0a1", "sbx_f3", "snap"].map((q) => ({ name: `search "${q}"`, run: () => search(db, q) }));
}

/** EXPLAIN (ANALYZE, BUFFERS) of the tree statement for the deep-chain cursor pages, both directions. */
export async function explainTree(db: Db, shape: ScaleShape): Promise<{ name: string; plan: string }[]> {
  const cases = (await treeCases(db, shape)).filter((c) => c.name.startsWith("deep chain, cursor"));
  const out = [];
  for (const c of cases) {
    const plan = await rows<Record<string, string>>(db, sql`EXPLAIN (ANALYZE, BUFFERS) ${treePageStatement(c.query)}`);
    out.push({ name: c.name, plan: plan.map((r) => Object.values(r)[0]).join("\n") });
  }
  return out;
}
