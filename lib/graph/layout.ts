/**
 * Incremental layered layout. dagre lays out the first view; after that only new nodes are
 * placed, each group relative to its nearest already-placed neighbour, so nodes on screen never
 * move when a page of ancestors, descendants or a branch arrives.
 */
import dagre from "@dagrejs/dagre";

export type XY = { x: number; y: number };
export type Size = { width: number; height: number };
export type LayoutNode = Size & {
  id: string;
  /** Re-placed on every layout (e.g. "load more" at a chain's end). */
  floating?: boolean;
  /** Placed after the other children of its parent (e.g. "+ more"). */
  trailing?: boolean;
};
export type LayoutEdge = { source: string; target: string; chain: boolean };

const GAP = 24;
/** Vertical space between two ranks of the layered layout. */
export const RANK_GAP = 56;

/** Top-left positions from dagre, keyed by node id. */
function dagrePositions(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", align: "UL", nodesep: 28, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  // Heavier chain edges pull the spine straight.
  for (const e of edges) g.setEdge(e.source, e.target, { weight: e.chain ? 8 : 1, minlen: 1 });
  // Within each rank, nodes keep the order of a walk that takes chain edges first and trailing
  // nodes last: the spine stays leftmost and straight, siblings line up to its right.
  const rankOrder = walkOrder(nodes, edges);
  dagre.layout(g, {
    customOrder: (graph, order) => {
      order(graph, {});
      const ranks = new Map<number, string[]>();
      for (const id of graph.nodes()) {
        const rank = (graph.node(id) as { rank: number }).rank;
        ranks.set(rank, [...(ranks.get(rank) ?? []), id]);
      }
      for (const ids of ranks.values()) {
        const current = (id: string) => (graph.node(id) as { order: number }).order;
        ids.sort((a, b) => (rankOrder.get(a) ?? Infinity) - (rankOrder.get(b) ?? Infinity) || current(a) - current(b));
        ids.forEach((id, i) => ((graph.node(id) as { order: number }).order = i));
      }
    },
  });
  const out = new Map<string, XY>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number };
    out.set(n.id, { x: p.x - n.width / 2, y: p.y - n.height / 2 });
  }
  return out;
}

/** Depth-first visiting order from the roots: chain children first, trailing children last. */
function walkOrder(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, number> {
  const trailing = new Set(nodes.filter((n) => n.trailing).map((n) => n.id));
  const children = new Map<string, LayoutEdge[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    children.set(e.source, [...(children.get(e.source) ?? []), e]);
    hasParent.add(e.target);
  }
  const weight = (e: LayoutEdge) => (e.chain ? 0 : trailing.has(e.target) ? 2 : 1);
  const index = new Map<string, number>();
  const visit = (id: string) => {
    if (index.has(id)) return;
    index.set(id, index.size);
    for (const e of [...(children.get(id) ?? [])].sort((a, b) => weight(a) - weight(b))) visit(e.target);
  };
  for (const n of nodes) if (!hasParent.has(n.id)) visit(n.id);
  return index;
}

type Box = XY & Size;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * Positions for `nodes`: those in `previous` (and not floating) keep theirs. New nodes are
 * grouped (linked new nodes together) beside a placed neighbour; dagre lays out each group with that neighbour only
 * (so an append costs a page, not the whole graph), and the group is moved as one, sideways if
 * needed, until it overlaps nothing already on screen.
 */
export function placeIncrementally(nodes: LayoutNode[], edges: LayoutEdge[], previous: ReadonlyMap<string, XY>): Map<string, XY> {
  const floating = new Set(nodes.filter((n) => n.floating).map((n) => n.id));
  const kept = new Map<string, XY>();
  for (const n of nodes) {
    const p = previous.get(n.id);
    if (p && !floating.has(n.id)) kept.set(n.id, p);
  }
  if (kept.size === 0) return dagrePositions(nodes, edges);

  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  /**
   * New nodes linked to each other or to the same kept node (a page, a branch, a node's new
   * siblings) form one group, laid out together with the kept nodes it touches and aligned on
   * the first of them. One group, not one per nearest neighbour: a page that closes a deep
   * chain's gap touches kept nodes at both ends and must not be torn in two.
   */
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const leader = new Map<string, string>();
  const find = (id: string): string => {
    const up = leader.get(id) ?? id;
    if (up === id) return id;
    const top = find(up);
    leader.set(id, top);
    return top;
  };
  const join = (a: string, b: string) => leader.set(find(a), find(b));
  for (const [id, nbs] of neighbours) {
    const fresh = nbs.filter((nb) => byId.has(nb) && !kept.has(nb));
    if (byId.has(id) && !kept.has(id)) fresh.forEach((nb) => join(id, nb));
    else fresh.slice(1).forEach((nb) => join(fresh[0]!, nb));
  }
  const byLeader = new Map<string, { ref: string; ids: string[]; context: Set<string> }>();
  for (const n of nodes) {
    if (kept.has(n.id)) continue;
    const group = byLeader.get(find(n.id)) ?? { ref: "", ids: [], context: new Set<string>() };
    byLeader.set(find(n.id), group);
    group.ids.push(n.id);
    for (const nb of neighbours.get(n.id) ?? []) if (kept.has(nb)) group.context.add(nb);
  }
  const groups = [...byLeader.values()].map((g) => ({ ...g, ref: g.context.values().next().value ?? "" }));

  const placed: Box[] = [...kept].map(([id, p]) => ({ ...p, ...byId.get(id)! }));
  const result = new Map(kept);
  for (const { ref, ids, context } of groups) {
    const members = new Set([...context, ...ids]);
    const fresh = dagrePositions(
      nodes.filter((n) => members.has(n.id)),
      edges.filter((e) => members.has(e.source) && members.has(e.target)),
    );
    const refFresh = fresh.get(ref);
    const refKept = kept.get(ref);
    let dx = refFresh && refKept ? refKept.x - refFresh.x : 0;
    const dy = refFresh && refKept ? refKept.y - refFresh.y : 0;
    const boxes = (shift: number) => ids.map((id) => ({ ...byId.get(id)!, ...fresh.get(id)!, x: fresh.get(id)!.x + shift, y: fresh.get(id)!.y + dy }));
    // Sliding sideways never changes a box's rows, so only boxes that share them can collide.
    const unshifted = boxes(0);
    const top = Math.min(...unshifted.map((b) => b.y));
    const bottom = Math.max(...unshifted.map((b) => b.y + b.height));
    const inRows = placed.filter((p) => p.y < bottom + GAP && top < p.y + p.height + GAP);
    // Slide right, in steps, until the group collides with nothing placed.
    for (let tries = 0; tries < 200 && boxes(dx).some((b) => inRows.some((p) => overlaps(b, p))); tries++) dx += 60;
    for (const b of boxes(dx)) {
      result.set(b.id, { x: b.x, y: b.y });
      placed.push(b);
    }
  }
  return result;
}
