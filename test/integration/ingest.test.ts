import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample, ingest } from "../helpers/scenario";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
});
afterAll(() => app.close());

const put = (path: string, body: unknown) => app.call("PUT", path, { token: app.tokens.runtime, body });
const get = (path: string) => app.call("GET", path, { token: app.tokens.viewer });

describe("runtime ingest", () => {
  test("PUT creates (201) then updates (200) a sandbox", async () => {
    const created = await put("/api/sandboxes/sbx_new", { status: "pending", basedOnSnapshotId: "snap_A" });
    expect(created.status).toBe(201);
    expect(created.body.sandbox).toMatchObject({ id: "sbx_new", name: null, status: "pending", basedOnSnapshotId: "snap_A", lastPatchSequence: 0 });
    const updated = await put("/api/sandboxes/sbx_new", { status: "running", name: "fresh" });
    expect(updated.status).toBe(200);
    expect(updated.body.sandbox).toMatchObject({ status: "running", name: "fresh", basedOnSnapshotId: "snap_A" });
    // Same report again: an idempotent upsert.
    expect((await put("/api/sandboxes/sbx_new", { status: "running", name: "fresh" })).status).toBe(200);
  });

  test("basedOnSnapshotId is fixed once set", async () => {
    const res = await put("/api/sandboxes/sbx_sb1", { status: "running", basedOnSnapshotId: "snap_B" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("based_on_immutable");
    expect((await get("/api/sandboxes/sb-1")).body.sandbox.basedOnSnapshotId).toBe("snap_A");
  });

  test("a snapshot's parent is derived from its source sandbox", async () => {
    const res = await put("/api/snapshots/snap_C", { sourceSandboxId: "sbx_sb3", status: "created", sizeBytes: 5, expiresAt: "2030-01-01T00:00:00Z" });
    expect(res.status).toBe(201);
    expect(res.body.snapshot).toMatchObject({ id: "snap_C", parentId: "snap_B", sourceSandbox: { id: "sbx_sb3", name: "sb-3" }, expiresAt: "2030-01-01T00:00:00.000Z" });
    const other = await put("/api/snapshots/snap_C", { sourceSandboxId: "sbx_sb2", status: "created", sizeBytes: 5 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("source_immutable");
  });

  test("a sandbox that learns its base late re-parents its snapshots, but never into a loop", async () => {
    await ingest(app, "/api/sandboxes/sbx_late", { status: "running" });
    await ingest(app, "/api/snapshots/snap_late", { sourceSandboxId: "sbx_late", status: "created", sizeBytes: 1 });
    expect((await get("/api/snapshots/snap_late")).body.snapshot.parentId).toBeNull();
    const loop = await put("/api/sandboxes/sbx_late", { status: "running", basedOnSnapshotId: "snap_late" });
    expect(loop.status).toBe(409);
    expect(loop.body.error.code).toBe("lineage_cycle");
    expect((await put("/api/sandboxes/sbx_late", { status: "running", basedOnSnapshotId: "snap_A" })).status).toBe(200);
    expect((await get("/api/snapshots/snap_late")).body.snapshot.parentId).toBe("snap_A");
  });

  test("unknown references and taken names are conflicts", async () => {
    const noSnap = await put("/api/sandboxes/sbx_x", { status: "running", basedOnSnapshotId: "snap_nope" });
    expect(noSnap.status).toBe(409);
    expect(noSnap.body.error.code).toBe("unknown_snapshot");
    const noSbx = await put("/api/snapshots/snap_x", { sourceSandboxId: "sbx_nope", status: "created", sizeBytes: 1 });
    expect(noSbx.body.error.code).toBe("unknown_sandbox");
    const sbxName = await put("/api/sandboxes/sbx_y", { status: "running", name: "sb-1" });
    expect(sbxName.status).toBe(409);
    expect(sbxName.body.error.code).toBe("name_taken");
    const snapName = await put("/api/snapshots/snap_y", { status: "created", sizeBytes: 1, name: "my-env" });
    expect(snapName.body.error.code).toBe("name_taken");
    // Names are unique per kind only: a snapshot may share a sandbox's name.
    expect((await put("/api/snapshots/snap_z", { status: "created", sizeBytes: 1, name: "sb-2" })).status).toBe(201);
    // None of the refused writes left a row behind.
    for (const path of ["/api/sandboxes/sbx_x", "/api/snapshots/snap_x", "/api/sandboxes/sbx_y", "/api/snapshots/snap_y"]) {
      expect((await get(path)).status).toBe(404);
    }
  });

  test.each([
    ["/api/sandboxes/sbx_bad", { status: "sleeping" }],
    ["/api/sandboxes/sbx_bad", { status: "running", name: "Has Caps" }],
    ["/api/sandboxes/sbx_bad", { status: "running", name: "x".repeat(64) }],
    ["/api/sandboxes/sbx_bad", { status: "running", name: "" }],
    ["/api/sandboxes/sbx_bad", { status: "running", createdAt: "yesterday" }],
    ["/api/sandboxes/sbx_bad", { status: "running", lastPatchSequence: 5 }],
    ["/api/sandboxes/not-an-id", { status: "running" }],
    ["/api/snapshots/snap_bad", { status: "created" }],
    ["/api/snapshots/snap_bad", { status: "created", sizeBytes: -1 }],
    ["/api/snapshots/snap_bad", { status: "created", sizeBytes: 1.5 }],
    ["/api/snapshots/snap_bad", { status: "created", sizeBytes: "10" }],
    ["/api/snapshots/snap_bad", { status: "created", sizeBytes: 1, parentId: "snap_A" }],
    ["/api/snapshots/my-env", { status: "created", sizeBytes: 1 }],
  ])("PUT %s %j → 400", async (path, body) => {
    const res = await put(path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/^invalid_(body|path)$/);
  });
});

describe("reads", () => {
  test("a sandbox's current snapshot is the newest taken of it, else its base", async () => {
    expect((await get("/api/sandboxes/sb-2")).body.sandbox.currentSnapshotId).toBe("snap_A");
    expect((await get("/api/sandboxes/sb-1")).body.sandbox.currentSnapshotId).toBe("snap_B");
    await ingest(app, "/api/snapshots/snap_B2", { sourceSandboxId: "sbx_sb1", status: "created", sizeBytes: 1 });
    expect((await get("/api/sandboxes/sbx_sb1")).body.sandbox.currentSnapshotId).toBe("snap_B2");
    await ingest(app, "/api/sandboxes/sbx_scratch", { status: "running" });
    expect((await get("/api/sandboxes/sbx_scratch")).body.sandbox.currentSnapshotId).toBeNull();
  });

  test("snapshots by id or name; unknown ones are 404s", async () => {
    const byName = await get("/api/snapshots/my-env");
    expect(byName.status).toBe(200);
    expect(byName.body.snapshot).toMatchObject({ id: "snap_A", name: "my-env", parentId: null, sourceSandbox: null, sizeBytes: 1000 });
    expect((await get("/api/snapshots/snap_A")).body).toEqual(byName.body);
    expect((await get("/api/snapshots/nope")).body.error.code).toBe("snapshot_not_found");
    expect((await get("/api/sandboxes/nope")).body.error.code).toBe("sandbox_not_found");
    expect((await get("/api/snapshots/Bad%20Name")).status).toBe(400);
  });

  test("recent sandboxes, most recently active first", async () => {
    await ingest(app, "/api/sandboxes/sbx_sb3", { status: "stopped" });
    const res = await get("/api/sandboxes?limit=2");
    expect(res.status).toBe(200);
    expect(res.body.sandboxes[0].id).toBe("sbx_sb3");
    expect(res.body.sandboxes).toHaveLength(2);
    expect((await get("/api/sandboxes?limit=0")).status).toBe(400);
  });

  test("search matches ids and names by prefix or substring, exact matches first", async () => {
    const sb = await get("/api/search?q=sb-");
    expect(sb.status).toBe(200);
    expect(sb.body.results.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(["sb-1", "sb-2", "sb-3"]));
    const exact = await get("/api/search?q=my-env");
    expect(exact.body.results[0]).toMatchObject({ kind: "snapshot", id: "snap_A", name: "my-env", status: "created" });
    const byId = await get("/api/search?q=snap_b");
    expect(byId.body.results.map((r: { id: string }) => r.id)).toContain("snap_B");
    // LIKE wildcards are matched literally.
    expect((await get("/api/search?q=%25")).body.results).toEqual([]);
    expect((await get("/api/search?q=")).status).toBe(400);
    expect((await get(`/api/search?q=${"a".repeat(101)}`)).status).toBe(400);
  });
});
