import { expect, test } from "vitest";
import { vercelSnapshot, vercelTreeNode } from "@/lib/compat/vercel";
import type { ChainSnapshot } from "@/lib/lineage/chain";

const snap = (id: string, extra: Partial<ChainSnapshot> = {}): ChainSnapshot => ({
  id,
  parentId: "snap_parent",
  sourceSandboxId: `sbx_${id.slice(5)}`,
  status: "created",
  sizeBytes: 42,
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
  expiresAt: null,
  ...extra,
});
const others = (n: number) => Array.from({ length: n }, (_, i) => snap(`snap_o${i}`));

test("count includes the node: 9 others make \"10\", 10 or more make \"10+\"; at most 9 are listed", () => {
  expect(vercelTreeNode({ snapshot: snap("snap_x"), siblings: [] })).toMatchObject({ siblings: [], count: "1" });
  expect(vercelTreeNode({ snapshot: snap("snap_x"), siblings: others(2) }).count).toBe("3");
  const ten = vercelTreeNode({ snapshot: snap("snap_x"), siblings: others(9) });
  expect([ten.count, ten.siblings.length]).toEqual(["10", 9]);
  const more = vercelTreeNode({ snapshot: snap("snap_x"), siblings: others(10) });
  expect([more.count, more.siblings.map((s) => s.id)]).toEqual(["10+", others(9).map((s) => s.id)]);
});

test("times are epoch milliseconds and missing optionals are left out, not null", () => {
  const root = vercelSnapshot(snap("snap_root", { parentId: null, sourceSandboxId: null }));
  expect(root).toEqual({ id: "snap_root", sourceSessionId: "", region: "lineage", status: "created", sizeBytes: 42, createdAt: 1767323045678, updatedAt: 1767323045678 });
  const child = vercelSnapshot(snap("snap_child", { expiresAt: new Date(1767323045678 + 1000) }));
  expect(child).toMatchObject({ parentId: "snap_parent", sourceSessionId: "sbx_child", expiresAt: 1767323046678 });
});
