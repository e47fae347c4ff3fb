import { describe, expect, it } from "vitest";
import type { TreePage } from "@/lib/client";
import { drawsSource, siblingOf, sourcesBasedOn, withSandbox, withSnapshot } from "@/lib/ui/live-pages";
import { sandboxSummary } from "@/lib/sandbox-summary";
import { sibling, treeNode } from "../helpers/tree-node";

const page = (...snapshots: TreePage["snapshots"]): TreePage => ({ snapshots, pagination: { next: null } });

// snap_a with two sandboxes beside it; snap_b taken of sbx_1 (so sbx_1 is drawn as its source).
const a = treeNode("snap_a", { siblings: [sibling("sbx_2"), sibling("sbx_3")], count: "2" });
const b = treeNode("snap_b", { parentId: "snap_a", depth: 1, rootId: "snap_a", sourceSandbox: sibling("sbx_1") });
const shown = page(a, b);

describe("withSandbox", () => {
  it("writes the fresh facts wherever the sandbox is drawn: beside a snapshot, or as a snapshot's source", () => {
    const beside = withSandbox(shown, sibling("sbx_3", { pendingPatches: 1 }));
    expect(beside.snapshots[0]!.siblings[1]!.pendingPatches).toBe(1);
    expect(beside.snapshots[1]).toBe(b);
    const source = withSandbox(shown, sibling("sbx_1", { status: "stopped" }));
    expect(source.snapshots[1]!.sourceSandbox!.status).toBe("stopped");
    expect(source.snapshots[0]).toBe(a);
  });
  it("gives back the same page when nothing changes, so nothing is drawn again", () => {
    expect(withSandbox(shown, sibling("sbx_2"))).toBe(shown);
    expect(withSandbox(shown, sibling("sbx_elsewhere", { pendingPatches: 4 }))).toBe(shown);
  });
});

describe("withSnapshot", () => {
  it("takes the snapshot's own facts and its drawn sandboxes' facts, keeping the sandboxes drawn and the count", () => {
    const fresh = treeNode("snap_a", {
      patchCount: 1,
      status: "failed",
      // A new sandbox arrived (newest first) and sbx_3 is now the eleventh: neither changes what is drawn.
      siblings: [sibling("sbx_new", { pendingPatches: 1 }), sibling("sbx_2", { pendingPatches: 1 })],
      count: "3",
    });
    const next = withSnapshot(shown, fresh).snapshots[0]!;
    expect(next).toMatchObject({ patchCount: 1, status: "failed", count: "2" });
    expect(next.siblings.map((s) => [s.id, s.pendingPatches])).toEqual([
      ["sbx_2", 1],
      ["sbx_3", 0],
    ]);
  });
  it("leaves a page without the snapshot as it is", () => {
    const other = page(b);
    expect(withSnapshot(other, treeNode("snap_a", { patchCount: 3 }))).toBe(other);
  });
});

describe("where a sandbox is drawn", () => {
  it("finds the snapshot a sandbox is drawn beside, sources, and the sources under a snapshot", () => {
    expect(siblingOf(shown, "sbx_3")).toBe("snap_a");
    expect(siblingOf(shown, "sbx_1")).toBeUndefined();
    expect(drawsSource(shown, "sbx_1")).toBe(true);
    expect(sourcesBasedOn(shown, "snap_a")).toEqual(["sbx_1"]);
  });
  it("reads a sandbox's details as drawn beside a snapshot", () => {
    const detail = { ...sibling("sbx_9", { lastPatchSequence: 2 }), basedOnSnapshotId: "snap_a", createdAt: "x", updatedAt: "x", currentSnapshotId: null };
    expect(sandboxSummary(detail)).toEqual(sibling("sbx_9", { lastPatchSequence: 2 }));
  });
});
