/**
 * A deep chain drawn from both ends: the ancestors loaded from the anchor upwards, the root and
 * the generations loaded downwards from it, and between them one gap node that counts what is
 * not loaded. Framework-free; the graph model (lineage-model.ts) and the layout (place-graph.ts)
 * are built from these.
 */
import { groupDigits } from "../group-digits";
import type { TreeNode } from "../client";
import { RANK_GAP, type Size, type XY } from "./layout";
import { nodeSizes } from "./node-sizes";

/** Generations strictly between the top of the anchor side and the end of the root side. */
export const generationsNotLoaded = (topDepth: number, rootSideEndDepth: number) => Math.max(0, topDepth - rootSideEndDepth - 1);

/**
 * The root side as one chain, root first: its pages in depth order, each snapshot once, and only
 * what lies above the anchor side's top (the two sides overlap once they meet).
 */
export function rootSideChain(pages: readonly (readonly TreeNode[])[], topDepth: number): TreeNode[] {
  const byDepth = new Map<number, TreeNode>();
  for (const page of pages) for (const s of page) if (s.depth < topDepth && !byDepth.has(s.depth)) byDepth.set(s.depth, s);
  return [...byDepth.values()].sort((a, b) => a.depth - b.depth);
}

/**
 * The next page of the root side, after the generation at `endDepth`: the walk towards the root
 * from the anchor's ancestor at `depth` (one `ancestor?depth` lookup), `limit` snapshots long, so
 * it ends right below `endDepth`. Never past the anchor; null when the root side reached it.
 */
export function nextRootSidePage(endDepth: number, anchorDepth: number, pageSize: number): { depth: number; limit: number } | null {
  const depth = Math.min(endDepth + pageSize, anchorDepth);
  return depth > endDepth ? { depth, limit: depth - endDepth } : null;
}

/** One generation of the chain in the layered layout: a snapshot rank and its source sandbox's rank. */
export const GENERATION_HEIGHT = nodeSizes.snapshot.height + nodeSizes.sandbox.height + 2 * RANK_GAP;

/**
 * Room kept between the root and the anchor side for generations loaded into the gap later.
 * Exact up to this many generations (one page), so such a gap closes with every node
 * where the layout would have put it. A wider gap keeps this much room, not more: a chain
 * thousands deep would otherwise push its root kilometres of canvas away. Pages loaded past the
 * room are slid aside by the incremental layout rather than moving anything on screen; jumps
 * (go to generation, as of) are the way across such a gap.
 */
export const GAP_ROOM_MAX = 10;

/** Where the root goes the first time it is drawn: straight above the anchor side's top snapshot, with room for the missing generations. */
export const rootPosition = (top: XY, missing: number): XY => ({
  x: top.x,
  y: top.y - (Math.min(missing, GAP_ROOM_MAX) + 1) * GENERATION_HEIGHT,
});

type Box = XY & Size;

/**
 * The gap node's place: right below the root side's end (its "load" node), on the same column,
 * so the root and the count of what is missing read together on one screen; the room kept for
 * the missing generations stretches below it, down to the loaded ancestors.
 */
export const placeBelow = (above: Box, size: Size): XY => ({
  x: above.x + above.width / 2 - size.width / 2,
  y: above.y + above.height + RANK_GAP / 2,
});

/** "4 812": thousands set apart by a narrow space, the way generations are written on nodes. */
export const formatGeneration = (depth: number) => groupDigits(depth, "\u202f");
