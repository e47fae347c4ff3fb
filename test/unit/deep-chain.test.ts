import { describe, expect, it } from "vitest";
import type { TreeNode } from "@/lib/client";
import {
  formatGeneration,
  GAP_ROOM_MAX,
  GENERATION_HEIGHT,
  generationsNotLoaded,
  nextRootSidePage,
  placeBelow,
  rootSideChain,
} from "@/lib/graph/deep-chain";
import type { XY } from "@/lib/graph/layout";
import { buildLineageGraph, type LineageGraphModel } from "@/lib/graph/lineage-model";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { placeGraph } from "@/lib/graph/place-graph";
import { sibling, treeNode } from "../helpers/tree-node";

/** Generation i of one chain rooted at snap_0: taken of sbx_src_i, with two sandboxes of its own beside it. */
const gen = (i: number): TreeNode =>
  treeNode(`snap_${i}`, {
    depth: i,
    rootId: "snap_0",
    parentId: i > 0 ? `snap_${i - 1}` : null,
    sourceSandbox: i > 0 ? sibling(`sbx_src_${i}`) : null,
    siblings: [sibling(`sbx_sib_${i}_a`), sibling(`sbx_sib_${i}_b`)],
    count: "2",
  });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => gen(from + k));
const more = (hasMore: boolean) => ({ hasMore, loading: false, failed: false });

/** The view of snapshot `anchor`: ancestors down to `top`, the root side up to `rootEnd` (none when null). */
function view(anchor: number, top: number, rootEnd: number | null): LineageGraphModel {
  return buildLineageGraph({
    anchor: gen(anchor),
    ancestors: range(top, anchor - 1).reverse(),
    descendants: [],
    ancestorsLeft: more(top > 0),
    descendantsLeft: more(false),
    branches: new Map(),
    rootSide: rootEnd === null ? undefined : { snapshots: range(0, rootEnd), more: more(true) },
  });
}

describe("deep chain: what is loaded and what is not", () => {
  it("counts the generations strictly between the two loaded ends", () => {
    expect(generationsNotLoaded(291, 0)).toBe(290);
    expect(generationsNotLoaded(11, 10)).toBe(0);
    // Pages that overlap once the sides meet never count below zero.
    expect(generationsNotLoaded(5, 9)).toBe(0);
  });

  it("joins root-side pages root first, each generation once, and only above the anchor side", () => {
    const pages = [[gen(0)], range(1, 10).reverse(), range(8, 14).reverse()];
    expect(rootSideChain(pages, 12).map((s) => s.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rootSideChain([[gen(0)]], 300).map((s) => s.id)).toEqual(["snap_0"]);
  });

  it("pages the root side from the ancestor one page below, never past the anchor", () => {
    expect(nextRootSidePage(0, 300, 10)).toEqual({ depth: 10, limit: 10 });
    expect(nextRootSidePage(295, 300, 10)).toEqual({ depth: 300, limit: 5 });
    expect(nextRootSidePage(300, 300, 10)).toBeNull();
  });

  it("writes generations with the thousands set apart", () => {
    expect(formatGeneration(4812)).toBe("4\u202f812");
    expect(formatGeneration(12000)).toBe("12\u202f000");
    expect(formatGeneration(17)).toBe("17");
  });

  it("hangs the gap node below the root side's end, on its column", () => {
    expect(placeBelow({ x: 20, y: 0, width: 248, height: 44 }, { width: 208, height: 64 })).toEqual({ x: 40, y: 72 });
  });
});

describe("deep chain: the graph model", () => {
  it("draws the loaded ancestors, one gap with the exact number of missing generations, then the root", () => {
    const model = view(300, 291, 0);
    const gap = model.nodes.find((n) => n.kind === "gap");
    expect(gap).toMatchObject({ missing: 290, fromDepth: 1, rootId: "snap_0", topId: "snap_291" });
    const chainEdges = model.edges.filter((e) => e.chain).map((e) => `${e.source}->${e.target}`);
    expect(chainEdges).toEqual(
      expect.arrayContaining(["snap_0->load:rootSide", "load:rootSide->gap", "gap->load:ancestors", "load:ancestors->sbx_src_291"]),
    );
    expect(model.nodes.filter((n) => n.kind === "snapshot")).toHaveLength(11);
  });

  it("joins the two sides into one chain when no generation is missing: no gap, nothing left to load upwards", () => {
    const model = view(30, 11, 10);
    expect(model.nodes.some((n) => n.kind === "gap" || n.kind === "loadMore")).toBe(false);
    expect(model.edges).toContainEqual(expect.objectContaining({ source: "snap_10", target: "sbx_src_11", chain: true }));
  });

  it("never draws the chain's own sandbox as a sibling, whatever the page said", () => {
    const top = { ...gen(10), siblings: [sibling("sbx_src_11"), sibling("sbx_sib_10_a")], count: "2" };
    const model = buildLineageGraph({
      anchor: gen(11),
      ancestors: [top],
      descendants: [],
      ancestorsLeft: more(false),
      descendantsLeft: more(false),
      branches: new Map(),
    });
    expect(model.nodes.find((n) => n.id === "sbx_src_11")).toMatchObject({ place: "chain" });
    expect(model.edges.filter((e) => e.source === "snap_10" && e.target === "sbx_src_11")).toEqual([expect.objectContaining({ chain: true })]);
  });
});

describe("deep chain: the layout", () => {
  const stable = (model: LineageGraphModel) => model.nodes.filter((n) => n.kind !== "loadMore" && n.kind !== "gap");
  const moved = (before: LineageGraphModel, was: ReadonlyMap<string, XY>, now: ReadonlyMap<string, XY>) =>
    stable(before).filter((n) => now.get(n.id) !== was.get(n.id)).map((n) => n.id);
  const overlapping = (model: LineageGraphModel, positions: ReadonlyMap<string, XY>) => {
    const boxes = model.nodes.map((n) => ({ id: n.id, ...positions.get(n.id)!, ...nodeSizes[n.kind] }));
    return boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).map((b) => `${a.id} × ${b.id}`),
    );
  };

  // Anchor at generation 20, nine ancestors loaded: the root and a gap of 10 (as much room as is kept).
  const steps = [view(20, 11, null), view(20, 11, 0), view(20, 11, 4), view(20, 5, 4)];
  const placed: Map<string, XY>[] = [];
  for (const model of steps) placed.push(placeGraph(model, placed.at(-1) ?? new Map()));

  it("pins the root straight above the ancestors, with room for every missing generation", () => {
    expect(steps[1]!.nodes.find((n) => n.kind === "gap")).toMatchObject({ missing: 10 });
    expect(10).toBeLessThanOrEqual(GAP_ROOM_MAX);
    const root = placed[1]!.get("snap_0")!;
    const top = placed[1]!.get("snap_11")!;
    expect(root).toEqual({ x: top.x, y: top.y - 11 * GENERATION_HEIGHT });
  });

  it("keeps the room for a wider gap bounded", () => {
    const model = view(300, 291, 0);
    const positions = placeGraph(model, new Map());
    expect(positions.get("snap_291")!.y - positions.get("snap_0")!.y).toBe((GAP_ROOM_MAX + 1) * GENERATION_HEIGHT);
    expect(overlapping(model, positions)).toEqual([]);
  });

  it("puts the gap node between the root side and the ancestors, overlapping nothing", () => {
    for (const i of [1, 2]) {
      const y = placed[i]!.get("gap")!.y;
      expect(y).toBeGreaterThan(placed[i]!.get("load:rootSide")!.y);
      expect(y).toBeLessThan(placed[i]!.get("load:ancestors")!.y);
      expect(overlapping(steps[i]!, placed[i]!)).toEqual([]);
    }
  });

  it("moves no node on screen as pages load from either side of the gap", () => {
    for (let i = 1; i < steps.length; i++) expect(moved(steps[i - 1]!, placed[i - 1]!, placed[i]!)).toEqual([]);
  });

  it("closes the gap with the chain one straight, evenly spaced spine from the root to the anchor", () => {
    const last = placed.at(-1)!;
    expect(overlapping(steps.at(-1)!, last)).toEqual([]);
    for (let i = 0; i < 20; i++) {
      expect(last.get(`snap_${i + 1}`)!.x).toBe(last.get("snap_0")!.x);
      expect(last.get(`snap_${i + 1}`)!.y - last.get(`snap_${i}`)!.y).toBe(GENERATION_HEIGHT);
    }
  });
});
