import { expect, test } from "vitest";
import type { FleetCounts } from "@/lib/client";
import { renderFleetCounts, renderFleetRows } from "@/lib/cli/render/fleet";
import { plain } from "@/lib/cli/style";

const counts = (state: FleetCounts["state"]): FleetCounts => ({
  total: Object.values(state).reduce((a, b) => a + b, 0),
  state,
  status: { pending: 0, running: 4, stopping: 0, stopped: 1, failed: 0, snapshotting: 0 },
});

test("the fleet's counts line leaves zero figures out and says which patch the states are against", () => {
  expect(renderFleetCounts("golden-base", counts({ upToDate: 2, pending: 3, failed: 0 }), undefined)).toBe(
    "golden-base: 5 sandboxes: 2 up to date, 3 pending; running 4, stopped 1\n",
  );
  expect(renderFleetCounts("golden-base", counts({ applied: 1, pending: 0, blocked: 1, failed: 3 }), "pat_x")).toBe(
    "golden-base: 5 sandboxes: 1 applied, 1 blocked, 3 failed (against pat_x); running 4, stopped 1\n",
  );
});

test("fleet rows: aligned, a failure says where it stopped", () => {
  const now = new Date("2026-03-01T12:00:00.000Z");
  const row = (id: string, name: string | null, state: "failed" | "pending", failedAtSequence: number | null) => ({
    id,
    name,
    status: "running" as const,
    state,
    lastPatchSequence: 1,
    failedAtSequence,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-01T10:00:00.000Z",
  });
  expect(renderFleetRows([row("sbx_a", "web-1", "failed", 2), row("sbx_bb", null, "pending", null)], { now, style: plain })).toBe(
    ["sbx_a   web-1  running  failed at #2  2h ago", "sbx_bb         running  pending       2h ago", ""].join("\n"),
  );
});
