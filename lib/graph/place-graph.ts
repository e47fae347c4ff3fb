/**
 * The lineage graph's positions: its nodes, at their fixed sizes, through the incremental layout.
 * A deep chain's gap is placed apart: the root side is pinned above the anchor side the first
 * time it is drawn (with room for the missing generations), and the gap node hangs below the root side.
 */
import { placeBelow, rootPosition } from "./deep-chain";
import { placeIncrementally, type LayoutEdge, type LayoutNode, type XY } from "./layout";
import { GAP_ID, loadMoreId, type LineageGraphModel } from "./lineage-model";
import { nodeSizes } from "./node-sizes";

/** Every node linked to `start` through `edges`, either way. */
function connected(start: string, edges: LayoutEdge[]): Set<string> {
  const seen = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) {
      if (seen.has(e.source) !== seen.has(e.target)) {
        seen.add(e.source).add(e.target);
        grew = true;
      }
    }
  }
  return seen;
}

export function placeGraph(model: LineageGraphModel, previous: ReadonlyMap<string, XY>): Map<string, XY> {
  const nodes: LayoutNode[] = model.nodes
    .filter((n) => n.kind !== "gap")
    .map((n) => ({
      id: n.id,
      ...nodeSizes[n.kind],
      // "Load more" follows the end of its chain; "+ more" stays after the siblings it stands for.
      floating: n.kind === "loadMore",
      trailing: n.kind === "moreSiblings",
    }));
  // The layout sees the two sides of a gap as two graphs, so each side grows from its own end.
  const edges: LayoutEdge[] = model.edges.filter((e) => e.source !== GAP_ID && e.target !== GAP_ID);
  const gap = model.nodes.find((n) => n.kind === "gap");
  if (!gap) return placeIncrementally(nodes, edges, previous);

  let seeded = previous;
  if (!previous.has(gap.rootId)) {
    // The first time the root is drawn, the anchor side is placed as if alone and the root is pinned above its top.
    const rootSide = connected(gap.rootId, edges);
    const anchorSide = placeIncrementally(
      nodes.filter((n) => !rootSide.has(n.id)),
      edges.filter((e) => !rootSide.has(e.source)),
      previous,
    );
    seeded = new Map(anchorSide).set(gap.rootId, rootPosition(anchorSide.get(gap.topId)!, gap.missing));
  }
  const positions = placeIncrementally(nodes, edges, seeded);
  positions.set(GAP_ID, placeBelow({ ...positions.get(loadMoreId({ kind: "rootSide" }))!, ...nodeSizes.loadMore }, nodeSizes.gap));
  return positions;
}
