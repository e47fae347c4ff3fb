import { describe, expect, it } from "vitest";
import type { TreeNode } from "@/lib/client";
import type { XY } from "@/lib/graph/layout";
import { buildLineageGraph, type Branch, type DrawnSandbox, type LineageGraphModel } from "@/lib/graph/lineage-model";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { placeGraph } from "@/lib/graph/place-graph";

const sandbox = (id: string): TreeNode["siblings"][number] => ({ id, name: null, status: "running", lastPatchSequence: 0, pendingPatches: 0, failedAtSequence: null });

/** Snapshot i of one long chain, taken of sandbox src_i, started from snapshot i-1; hubs every 5th. */
function snapshot(i: number): TreeNode {
  const siblingCount = i % 5 === 0 ? 14 : i % 3;
  return {
    id: `snap_${i}`,
    name: null,
    parentId: `snap_${i - 1}`,
    depth: i,
    rootId: "snap_0",
    sourceSandbox: sandbox(`sbx_src_${i}`),
    status: "created",
    sizeBytes: 1,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    expiresAt: null,
    patchCount: 0,
    siblings: Array.from({ length: Math.min(siblingCount, 10) }, (_, k) => sandbox(`sbx_sib_${i}_${k}`)),
    count: siblingCount > 10 ? "10+" : String(siblingCount),
  };
}

/** Three snapshots taken of sibling `sandboxId` of snapshot `base`, as its expanded branch shows them. */
function branchOf(base: number, sandboxId: string): Branch {
  const snapshots = [1, 2, 3].map((k) => ({
    ...snapshot(5000 + base * 10 + k),
    parentId: k === 1 ? `snap_${base}` : `snap_${5000 + base * 10 + k - 1}`,
    sourceSandbox: sandbox(k === 1 ? sandboxId : `sbx_branch_${base}_${k}`),
  }));
  return { state: "ready", snapshots, more: { hasMore: true, loading: false, failed: false } };
}

/** The graph after `up` ancestors and `down` descendants of snapshot 1000 have loaded. */
function graph(
  up: number,
  down: number,
  branches: ReadonlyMap<string, Branch> = new Map(),
  drawn: ReadonlyMap<string, DrawnSandbox[]> = new Map(),
): LineageGraphModel {
  const more = { hasMore: true, loading: false, failed: false };
  return buildLineageGraph({
    anchor: snapshot(1000),
    ancestors: Array.from({ length: up }, (_, k) => snapshot(999 - k)),
    descendants: Array.from({ length: down }, (_, k) => snapshot(1001 + k)),
    ancestorsLeft: more,
    descendantsLeft: more,
    branches,
    drawn,
  });
}

const overlapping = (model: LineageGraphModel, positions: ReadonlyMap<string, XY>) => {
  const boxes = model.nodes.map((n) => ({ id: n.id, ...positions.get(n.id)!, ...nodeSizes[n.kind] }));
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push(`${a.id} × ${b.id}`);
    }
  }
  return pairs;
};

const moved = (before: { model: LineageGraphModel; positions: ReadonlyMap<string, XY> }, after: ReadonlyMap<string, XY>) =>
  before.model.nodes.filter((n) => n.kind !== "loadMore" && after.get(n.id) !== before.positions.get(n.id)).map((n) => n.id);

const place = placeGraph;

/** Loads pages of 10 in turn, up and down, as the "load more" nodes do. */
function growInPages(pages: number) {
  let model = graph(9, 9);
  let positions = place(model, new Map());
  const steps = [{ model, positions }];
  for (let p = 1; p <= pages; p++) {
    model = graph(9 + 10 * Math.ceil(p / 2), 9 + 10 * Math.floor(p / 2));
    positions = place(model, positions);
    steps.push({ model, positions });
  }
  return steps;
}

describe("incremental layout", () => {
  const steps = growInPages(8);

  it("places every node of every step", () => {
    for (const { model, positions } of steps) expect(model.nodes.filter((n) => !positions.has(n.id))).toEqual([]);
  });

  it("never moves a node already on screen (load-more nodes follow the chain's ends)", () => {
    for (let i = 1; i < steps.length; i++) {
      expect(moved(steps[i - 1]!, steps[i]!.positions)).toEqual([]);
    }
  });

  it("lets no two nodes overlap", () => {
    const { model, positions } = steps.at(-1)!;
    expect(overlapping(model, positions)).toEqual([]);
  });

  it("keeps ancestors above and descendants below, in chain order", () => {
    const { positions } = steps.at(-1)!;
    const y = (i: number) => positions.get(`snap_${i}`)!.y;
    for (let i = 960; i < 1040; i++) expect(y(i)).toBeLessThan(y(i + 1));
    // The "load more" nodes sit beyond the chain's ends.
    expect(positions.get("load:ancestors")!.y).toBeLessThan(y(959));
    expect(positions.get("load:descendants")!.y).toBeGreaterThan(y(1049));
  });

  it("keeps the chain a straight spine with siblings to its right", () => {
    const { positions } = steps.at(-1)!;
    const spineX = positions.get("snap_1000")!.x;
    for (let i = 960; i <= 1040; i++) expect(positions.get(`snap_${i}`)!.x).toBe(spineX);
    for (const id of ["sbx_sib_1000_0", "sbx_sib_965_3", "more:snap_1035"]) expect(positions.get(id)!.x).toBeGreaterThan(spineX);
  });

  it("opens an expanded sibling's branch below it, moving nothing and overlapping nothing", () => {
    const last = steps.at(-1)!;
    const expanded = graph(49, 49, new Map([["sbx_sib_1000_2", branchOf(1000, "sbx_sib_1000_2")]]));
    const positions = place(expanded, last.positions);
    expect(moved(last, positions)).toEqual([]);
    expect(overlapping(expanded, positions)).toEqual([]);
    const sibling = positions.get("sbx_sib_1000_2")!;
    expect(positions.get("snap_15001")!.y).toBeGreaterThan(sibling.y);
    expect(positions.get("load:branch:sbx_sib_1000_2")!.y).toBeGreaterThan(positions.get("snap_15003")!.y);
  });

  it("draws a sandbox picked from a fleet list beside its snapshot, moving nothing and overlapping nothing", () => {
    const last = steps.at(-1)!;
    const picked = { id: "sbx_picked", name: "far-down-the-list", facts: { status: "failed" as const, lastPatchSequence: 1, pendingPatches: 1, failedAtSequence: 2 } };
    const withPicked = graph(49, 49, new Map(), new Map([["snap_1000", [picked]]]));
    const positions = place(withPicked, last.positions);
    expect(moved(last, positions)).toEqual([]);
    expect(overlapping(withPicked, positions)).toEqual([]);
    expect(withPicked.edges).toContainEqual({ id: "snap_1000->sbx_picked", source: "snap_1000", target: "sbx_picked", chain: false });
    // Beside its snapshot: on the siblings' row, to the right of the spine.
    expect(positions.get("sbx_picked")!.y).toBe(positions.get("sbx_sib_1000_0")!.y);
    expect(positions.get("sbx_picked")!.x).toBeGreaterThan(positions.get("snap_1000")!.x);
  });

  it("draws a picked sandbox that is already one of the ten siblings once, where it is", () => {
    const drawnSibling = { id: "sbx_sib_1000_1", name: null, facts: { status: "running" as const, lastPatchSequence: 0, pendingPatches: 0, failedAtSequence: null } };
    const model = graph(9, 9, new Map(), new Map([["snap_1000", [drawnSibling]]]));
    expect(model.nodes.filter((n) => n.id === "sbx_sib_1000_1")).toHaveLength(1);
    expect(model.edges.filter((e) => e.target === "sbx_sib_1000_1")).toHaveLength(1);
  });
});
