import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demo: true });
});
afterAll(() => app.close());

const get = async (path: string) => {
  const res = await app.call("GET", path, { token: app.tokens.viewer });
  expect(res.status, path).toBe(200);
  return res.body;
};

test("the demo holds the patch-reach example with its patch runs", async () => {
  const page = await get("/api/snapshots/tree?snapshotId=my-env&sortOrder=asc");
  expect(page.snapshots.map((s: { id: string }) => s.id)).toEqual(["snap_A", "snap_B"]);
  expect(page.snapshots[0].siblings.map((s: { name: string }) => s.name)).toEqual(["sb-2"]);
  expect(page.snapshots[1].siblings.map((s: { name: string }) => s.name)).toEqual(["sb-3"]);
  expect((await get("/api/sandboxes/sb-2")).sandbox).toMatchObject({ lastPatchSequence: 1, failedAtSequence: 2 });
  expect((await get("/api/sandboxes/sb-1")).sandbox).toMatchObject({ lastPatchSequence: 2, failedAtSequence: null });
});

test("my-sandbox sits in a long chain with ancestors, descendants and a \"10+\" snapshot", async () => {
  const { sandbox } = await get("/api/sandboxes/my-sandbox");
  const up = await get(`/api/snapshots/tree?snapshotId=${sandbox.currentSnapshotId}&limit=10`);
  expect(up.snapshots[0].sourceSandbox.name).toBe("my-sandbox");
  expect(up.pagination.next).not.toBeNull();
  const rest = await get(`/api/snapshots/tree?snapshotId=${sandbox.currentSnapshotId}&cursor=${up.pagination.next}`);
  const ancestors = [...up.snapshots, ...rest.snapshots];
  expect(ancestors.length).toBe(15);
  expect(ancestors.find((s: { name: string }) => s.name === "popular-base").count).toBe("10+");
  const down = await get(`/api/snapshots/tree?snapshotId=${sandbox.currentSnapshotId}&sortOrder=asc`);
  expect(down.snapshots.length).toBe(10);
  expect(down.pagination.next).not.toBeNull();
  expect(sandbox).toMatchObject({ failedAtSequence: 1, pendingPatches: 2 });
});

test("golden-base carries a fleet of 3 000 sandboxes in every rollout state, failures with their output", async () => {
  const page = await get("/api/snapshots/golden-base/sandboxes?limit=100");
  expect(page.counts.total).toBe(3000);
  expect(page.counts.state).toEqual({ upToDate: 450, pending: 2100, failed: 450 });
  expect(page.sandboxes).toHaveLength(100);
  const { patches } = await get("/api/snapshots/golden-base/patches");
  expect(patches.map((p: { rollout: object }) => p.rollout)).toEqual([
    { total: 3000, applied: 2850, pending: 0, blocked: 0, failed: 150 },
    { total: 3000, applied: 2400, pending: 450, blocked: 150, failed: 0 },
    { total: 3000, applied: 2100, pending: 450, blocked: 150, failed: 300 },
    { total: 3000, applied: 450, pending: 2100, blocked: 450, failed: 0 },
  ]);
  const failed = await get(`/api/snapshots/golden-base/sandboxes?patch=${patches[2].id}&state=failed&limit=1`);
  const runs = await get(`/api/sandboxes/${failed.sandboxes[0].id}/patches`);
  expect(runs.patches[2]).toMatchObject({ state: "failed", output: expect.stringContaining("openssl") });
});
