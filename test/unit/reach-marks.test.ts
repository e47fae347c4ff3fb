import { expect, test } from "vitest";
import { buildLineageGraph, moreSiblingsId, reachMarks } from "@/lib/graph/lineage-model";
import { sibling, treeNode as node } from "../helpers/tree-node";

// The patch-reach example: my-env (snap_A) ← sb-1 (chain), sb-2, and ten more; snap_B of sb-1 ← sb-3.
const snapA = node("snap_A", {
  name: "my-env",
  siblings: [sibling("sbx_sb2", { name: "sb-2" })],
  count: "10+",
});
const snapB = node("snap_B", { parentId: "snap_A", sourceSandbox: sibling("sbx_sb1", { name: "sb-1" }), siblings: [sibling("sbx_sb3", { name: "sb-3" })], count: "1" });
const more = { hasMore: true, loading: false, failed: false };
const model = buildLineageGraph({ anchor: snapA, ancestors: [], descendants: [snapB], ancestorsLeft: more, descendantsLeft: more, branches: new Map() });

test("a patch on a snapshot reaches the sandboxes started from it, and only those", () => {
  const marks = reachMarks(model, "snap_A");
  expect(marks.get("snap_A")).toEqual({ kind: "target" });
  expect(marks.get("sbx_sb1")).toEqual({ kind: "reached" });
  expect(marks.get("sbx_sb2")).toEqual({ kind: "reached" });
  // "+ more" stands for more sandboxes of snap_A: reached too.
  expect(marks.get(moreSiblingsId("snap_A"))).toEqual({ kind: "reached" });
  expect(marks.get("snap_B")).toEqual({ kind: "dimmed", reason: "frozen snapshot" });
  expect(marks.get("sbx_sb3")).toEqual({ kind: "dimmed", reason: "based on snap_B" });
  // Every node gets a mark; "load more" nodes are dimmed without a reason.
  expect(marks.size).toBe(model.nodes.length);
  expect([...marks].filter(([id]) => id.startsWith("load:")).map(([, m]) => m)).toEqual([
    { kind: "dimmed", reason: "" },
    { kind: "dimmed", reason: "" },
  ]);
});

test("dimmed sandboxes name their base by its name when it has one", () => {
  const marks = reachMarks(model, "snap_B");
  expect(marks.get("snap_B")).toEqual({ kind: "target" });
  expect(marks.get("sbx_sb3")).toEqual({ kind: "reached" });
  expect(marks.get("sbx_sb2")).toEqual({ kind: "dimmed", reason: "based on my-env" });
  expect(marks.get("snap_A")).toEqual({ kind: "dimmed", reason: "frozen snapshot" });
});
