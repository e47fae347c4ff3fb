import { expect, test } from "vitest";
import type { TreeNode } from "@/lib/client";
import { buildLineageGraph, moreSiblingsId, reachMarks } from "@/lib/graph/lineage-model";

const facts = { status: "running" as const, lastPatchSequence: 0, pendingPatches: 0, failedAtSequence: null };
const node = (id: string, fields: Partial<TreeNode>): TreeNode => ({
  id,
  name: null,
  parentId: null,
  sourceSandbox: null,
  status: "created",
  sizeBytes: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: null,
  patchCount: 0,
  siblings: [],
  count: "0",
  ...fields,
});

// The patch-reach example: my-env (snap_A) ← sb-1 (chain), sb-2, and ten more; snap_B of sb-1 ← sb-3.
const snapA = node("snap_A", {
  name: "my-env",
  siblings: [{ id: "sbx_sb2", name: "sb-2", ...facts }],
  count: "10+",
});
const snapB = node("snap_B", { parentId: "snap_A", sourceSandbox: { id: "sbx_sb1", name: "sb-1", ...facts }, siblings: [{ id: "sbx_sb3", name: "sb-3", ...facts }], count: "1" });
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
