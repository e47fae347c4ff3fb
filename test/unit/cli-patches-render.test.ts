import { expect, test } from "vitest";
import type { PatchView, PatchWithRollout, SandboxPatches } from "@/lib/client";
import { renderAttached, renderPatchList } from "@/lib/cli/render/patches";
import { renderSandbox } from "@/lib/cli/render/sandbox";
import { plain } from "@/lib/cli/style";

const now = new Date("2026-03-01T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
const opts = { now, style: plain };

const patch = (sequence: number, fields: Partial<PatchView> = {}): PatchView => ({
  id: `pat_${sequence}`,
  snapshotId: "snap_A",
  sequence,
  script: "echo one\necho two",
  description: "",
  createdBy: "alice",
  createdAt: hoursAgo(30),
  removedAt: null,
  removedBy: null,
  ...fields,
});

const rolledOut = (p: PatchView, applied: number, pending: number, blocked: number, failed: number): PatchWithRollout => ({
  ...p,
  rollout: { total: applied + pending + blocked + failed, applied, pending, blocked, failed },
});

test("patch list: aligned columns, the script's first line when there is no description, rollout, removals said", () => {
  const text = renderPatchList(
    "my-env",
    [rolledOut(patch(1, { description: "Refresh CA certificates" }), 5, 0, 0, 1), rolledOut(patch(2, { removedAt: hoursAgo(2), removedBy: "bob" }), 0, 3, 1, 2)],
    opts,
    true,
  );
  expect(text).toBe(
    [
      "#1  pat_1  alice, 1d ago  Refresh CA certificates  5/6 applied, 1 failed",
      "#2  pat_2  alice, 1d ago  echo one                 0/6 applied, 3 pending, 1 blocked, 2 failed  removed by bob, 2h ago",
      "",
    ].join("\n"),
  );
});

test("an empty list says whether removed patches were included", () => {
  expect(renderPatchList("my-env", [], opts, false)).toBe("No live patches on my-env.\n");
  expect(renderPatchList("my-env", [], opts, true)).toBe("No patches on my-env.\n");
});

test("attaching where no sandbox is started from the snapshot says it reaches none", () => {
  expect(renderAttached({ patch: patch(4), reach: { count: 0, sample: [] } }, "snap_B")).toBe(
    "Attached patch #4 pat_4 to snap_B.\nIt reaches no sandbox yet: none is started from snap_B.\n",
  );
});

test("attaching to a large fleet names the newest reached sandboxes and how many more", () => {
  expect(renderAttached({ patch: patch(2), reach: { count: 3000, sample: ["sbx_c", "sbx_b"] } }, "golden-base")).toBe(
    [
      "Attached patch #2 pat_2 to golden-base.",
      "On next wake it reaches 3000 sandboxes started from golden-base, the newest:",
      "  sbx_c",
      "  sbx_b",
      "  … and 2998 more (lineage sandboxes golden-base)",
      "",
    ].join("\n"),
  );
});

test("a sandbox started from scratch has no patches to show", () => {
  const result: SandboxPatches = {
    sandbox: {
      id: "sbx_new",
      name: null,
      status: "pending",
      basedOnSnapshotId: null,
      lastPatchSequence: 0,
      pendingPatches: 0,
      failedAtSequence: null,
      createdAt: hoursAgo(0.5),
      updatedAt: hoursAgo(0.5),
      currentSnapshotId: null,
    },
    patches: [],
  };
  expect(renderSandbox(result, opts)).toBe(
    [
      "sbx_new",
      "  status            pending",
      "  based on          nothing (started from scratch)",
      "  current snapshot  none",
      "  patches           none applied",
      "  created           30m ago",
      "  updated           30m ago",
      "",
      "No patch reaches it: it was not started from a snapshot.",
      "",
    ].join("\n"),
  );
});
