/**
 * Incremental layered layout. dagre lays out the whole graph, but only nodes that are new get
 * its coordinates: each is placed relative to its nearest already-placed neighbour, so nodes on
 * screen never move when a page of ancestors, descendants or a branch arrives.
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

/** Top-left positions from dagre, keyed by node id. */
function dagrePositions(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", align: "UL", nodesep: 28, ranksep: 56, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // The chain goes in first and its edges weigh more: dagre keeps it a straight spine, siblings beside it.
  const spine = new Set(edges.filter((e) => e.chain).flatMap((e) => [e.source, e.target]));
  for (const n of [...nodes].sort((a, b) => Number(spine.has(b.id)) - Number(spine.has(a.id)))) {
    g.setNode(n.id, { width: n.width, height: n.height });
  }
  for (const e of [...edges].sort((a, b) => Number(b.chain) - Number(a.chain))) {
    g.setEdge(e.source, e.target, { weight: e.chain ? 8 : 1, minlen: 1 });
  }
  // Within a rank the chain comes first: siblings line up to its right, never across it.
  const chainChild = new Map(edges.filter((e) => e.chain).map((e) => [e.source, e.target]));
  const trailing = new Set(nodes.filter((n) => n.trailing).map((n) => n.id));
  const sideEdges = edges.filter((e) => !e.chain);
  const constraints = [
    ...sideEdges.filter((e) => chainChild.has(e.source)).map((e) => ({ left: chainChild.get(e.source)!, right: e.target })),
    ...sideEdges
      .filter((t) => trailing.has(t.target))
      .flatMap((t) => sideEdges.filter((e) => e.source === t.source && e.target !== t.target).map((e) => ({ left: e.target, right: t.target }))),
  ];
  dagre.layout(g, { constraints });
  const out = new Map<string, XY>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number };
    out.set(n.id, { x: p.x - n.width / 2, y: p.y - n.height / 2 });
  }
  return out;
}

type Box = XY & Size;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * Positions for `nodes`: those in `previous` (and not floating) keep theirs. New nodes are
 * grouped by their nearest placed neighbour and each group is moved as one, sideways if needed,
 * until it overlaps nothing already on screen.
 */
export function placeIncrementally(nodes: LayoutNode[], edges: LayoutEdge[], previous: ReadonlyMap<string, XY>): Map<string, XY> {
  const fresh = dagrePositions(nodes, edges);
  const floating = new Set(nodes.filter((n) => n.floating).map((n) => n.id));
  const kept = new Map<string, XY>();
  for (const n of nodes) {
    const p = previous.get(n.id);
    if (p && !floating.has(n.id)) kept.set(n.id, p);
  }
  if (kept.size === 0) return fresh;

  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  /** The nearest kept node reachable from `id` (breadth-first), if any. */
  const nearestKept = (id: string): string | undefined => {
    const seen = new Set([id]);
    for (let frontier = [id]; frontier.length; ) {
      const next: string[] = [];
      for (const cur of frontier) {
        for (const nb of neighbours.get(cur) ?? []) {
          if (kept.has(nb)) return nb;
          if (!seen.has(nb)) {
            seen.add(nb);
            next.push(nb);
          }
        }
      }
      frontier = next;
    }
    return undefined;
  };

  const sizes = new Map(nodes.map((n) => [n.id, n]));
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    if (kept.has(n.id)) continue;
    const ref = nearestKept(n.id) ?? "";
    groups.set(ref, [...(groups.get(ref) ?? []), n.id]);
  }

  const placed: Box[] = [...kept].map(([id, p]) => ({ ...p, ...sizes.get(id)! }));
  const result = new Map(kept);
  for (const [ref, ids] of groups) {
    const refFresh = fresh.get(ref);
    const refKept = kept.get(ref);
    let dx = refFresh && refKept ? refKept.x - refFresh.x : 0;
    const dy = refFresh && refKept ? refKept.y - refFresh.y : 0;
    const boxes = (shift: number) => ids.map((id) => ({ ...fresh.get(id)!, ...sizes.get(id)!, x: fresh.get(id)!.x + shift, y: fresh.get(id)!.y + dy }));
    // Slide right, in steps, until the group collides with nothing placed.
    for (let tries = 0; tries < 200 && boxes(dx).some((b) => placed.some((p) => overlaps(b, p))); tries++) dx += 60;
    boxes(dx).forEach((b, i) => {
      result.set(ids[i]!, { x: b.x, y: b.y });
      placed.push(b);
    });
  }
  return result;
}
