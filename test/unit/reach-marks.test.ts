import { expect, test } from "vitest";
import { buildLineageGraph, moreSiblingsId, reachList, reachMarks } from "@/lib/graph/lineage-model";
import { attachOutcome, reachText } from "@/lib/graph/reach-text";
import { summarizePatchState } from "@/lib/patch-state";
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

// sb-2 stopped at #2 on my-env: a new patch there waits behind that failure.
const withFailure = buildLineageGraph({
  anchor: node("snap_A", { name: "my-env", siblings: [sibling("sbx_sb2", { name: "sb-2", lastPatchSequence: 1, failedAtSequence: 2 })], count: "1" }),
  ancestors: [],
  descendants: [snapB],
  ancestorsLeft: { hasMore: false, loading: false, failed: false },
  descendantsLeft: { hasMore: false, loading: false, failed: false },
  branches: new Map(),
});
const describe2 = (seq: number) => (seq === 2 ? "Pin Node.js to 20.20.2" : null);

test("a sandbox whose last run failed is blocked behind that patch, named", () => {
  const marks = reachMarks(withFailure, "snap_A", describe2);
  expect(marks.get("sbx_sb1")).toEqual({ kind: "reached" });
  expect(marks.get("sbx_sb2")).toEqual({ kind: "blocked", failedAt: 2, failedPatch: "Pin Node.js to 20.20.2" });
  expect(reachText(marks.get("sbx_sb2")!)).toBe("blocked behind failed #2 (Pin Node.js to 20.20.2)");
  expect(reachText(marks.get("sbx_sb1")!)).toBe("gets the patch on next wake");
  expect(reachText(marks.get("sbx_sb3")!)).toBe("not reached: based on snap_B");
  // Without a known description the number alone is said.
  expect(reachText(reachMarks(withFailure, "snap_A").get("sbx_sb2")!)).toBe("blocked behind failed #2");
});

test("the reach list puts the sandboxes that run the patch first, then the blocked, then those out of reach", () => {
  const list = reachList(withFailure, reachMarks(withFailure, "snap_A", describe2));
  expect(list.map((e) => [e.name, e.mark.kind])).toEqual([
    ["sb-1", "reached"],
    ["sb-2", "blocked"],
    ["sb-3", "dimmed"],
  ]);
});

test("the attach confirmation says how many run it and how many are blocked, exactly when all are drawn", () => {
  const drawn = reachList(withFailure, reachMarks(withFailure, "snap_A", describe2)).map((e) => e.mark);
  expect(attachOutcome(3, 2, drawn)).toBe("Patch #3 attached. 1 sandbox will run it on next wake; 1 is blocked behind failed #2 (Pin Node.js to 20.20.2).");
  // The server reaches more than the graph shows: the split is said of those shown only.
  expect(attachOutcome(3, 120, drawn)).toBe(
    "Patch #3 attached. It reaches 120 sandboxes. Of the 2 shown, 1 will run it on next wake; 1 is blocked behind failed #2 (Pin Node.js to 20.20.2).",
  );
  expect(attachOutcome(1, 0, [])).toBe("Patch #1 attached. No sandbox is started from this snapshot yet.");
  expect(attachOutcome(1, 2, [{ kind: "reached" }, { kind: "reached" }])).toBe("Patch #1 attached. 2 sandboxes will run it on next wake; none is blocked.");
});

test("a failed patch state names the patch when its description is known", () => {
  const failed = { lastPatchSequence: 1, pendingPatches: 1, failedAtSequence: 2 };
  expect(summarizePatchState(failed, "Pin Node.js to 20.20.2")).toEqual({ label: "failed at #2 (Pin Node.js to 20.20.2)", tone: "failed" });
  expect(summarizePatchState(failed).label).toBe("failed at #2");
});
