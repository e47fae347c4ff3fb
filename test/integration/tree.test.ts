import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildChain, buildSpecExample, ingest } from "../helpers/scenario";

let app: TestApp;
let chain: string[];
const ids = (body: { snapshots: { id: string }[] }) => body.snapshots.map((s) => s.id);
const tree = (qs: string) => app.call("GET", `/api/snapshots/tree?${qs}`, { token: app.tokens.viewer });

beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
  chain = await buildChain(app, 25);
});
afterAll(() => app.close());

describe("ancestor walk (sortOrder=desc)", () => {
  test("pages from the anchor towards the base, the anchor only on the first page", async () => {
    const first = await tree("snapshotId=snap_c24&limit=10");
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(chain.slice(15).reverse());
    expect(first.body.pagination).toEqual({ next: "snap_c15" });

    const second = await tree("snapshotId=snap_c24&limit=10&cursor=snap_c15");
    expect(ids(second.body)).toEqual(chain.slice(5, 15).reverse());
    expect(second.body.pagination.next).toBe("snap_c5");

    const last = await tree("snapshotId=snap_c24&limit=10&cursor=snap_c5");
    expect(ids(last.body)).toEqual(chain.slice(0, 5).reverse());
    expect(last.body.pagination.next).toBeNull();
  });

  test("desc is the default and 10 the default page size", async () => {
    const res = await tree("snapshotId=snap_c24");
    expect(ids(res.body)).toEqual(chain.slice(15).reverse());
  });

  test("a page that ends exactly at the base has no next cursor", async () => {
    const res = await tree("snapshotId=snap_c9&limit=10");
    expect(ids(res.body)).toEqual(chain.slice(0, 10).reverse());
    expect(res.body.pagination.next).toBeNull();
  });

  test("a cursor at the base gives an empty last page", async () => {
    const res = await tree("snapshotId=snap_c24&cursor=snap_c0");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ snapshots: [], pagination: { next: null } });
  });
});

describe("descendant walk (sortOrder=asc)", () => {
  test("pages from the anchor towards the newest snapshot", async () => {
    const first = await tree("snapshotId=snap_c0&sortOrder=asc&limit=10");
    expect(ids(first.body)).toEqual(chain.slice(0, 10));
    expect(first.body.pagination.next).toBe("snap_c9");
    const second = await tree("snapshotId=snap_c0&sortOrder=asc&limit=10&cursor=snap_c9");
    expect(ids(second.body)).toEqual(chain.slice(10, 20));
    const third = await tree("snapshotId=snap_c0&sortOrder=asc&limit=10&cursor=snap_c19");
    expect(ids(third.body)).toEqual(chain.slice(20));
    expect(third.body.pagination.next).toBeNull();
  });

  test("at a fork the walk continues through the newest child; the other branch is a sibling", async () => {
    // Two sandboxes on snap_B: the newer one's snapshot is the chain, the older one a sibling.
    await ingest(app, "/api/sandboxes/sbx_fork_old", { status: "stopped", basedOnSnapshotId: "snap_B" });
    await ingest(app, "/api/snapshots/snap_fork_old", { sourceSandboxId: "sbx_fork_old", status: "created", sizeBytes: 1, createdAt: new Date(Date.now() - 60_000).toISOString() });
    await ingest(app, "/api/sandboxes/sbx_fork_new", { status: "stopped", basedOnSnapshotId: "snap_B" });
    await ingest(app, "/api/snapshots/snap_fork_new", { sourceSandboxId: "sbx_fork_new", status: "created", sizeBytes: 1 });
    const res = await tree("snapshotId=my-env&sortOrder=asc");
    expect(ids(res.body)).toEqual(["snap_A", "snap_B", "snap_fork_new"]);
    const snapB = res.body.snapshots[1];
    expect(snapB.siblings.map((s: { id: string }) => s.id)).toEqual(["sbx_fork_old", "sbx_sb3"]);
    expect(snapB.count).toBe("2");
  });
});

describe("nodes", () => {
  test("carry the snapshot fields and siblings of docs/API.md, the chain sandbox left out", async () => {
    const res = await tree("snapshotId=snap_B&limit=2");
    expect(res.status).toBe(200);
    const [b, a] = res.body.snapshots;
    expect(b).toMatchObject({
      id: "snap_B",
      name: null,
      parentId: "snap_A",
      sourceSandbox: { id: "sbx_sb1", name: "sb-1", status: "running", lastPatchSequence: 0, pendingPatches: 0, failedAtSequence: null },
      status: "created",
      sizeBytes: 2000,
      expiresAt: null,
      patchCount: 0,
    });
    expect(new Date(b.createdAt).toISOString()).toBe(b.createdAt);
    // snap_A is an ancestor: the walk came up through sb-1, so only sb-2 is a sibling.
    expect(a.id).toBe("snap_A");
    expect(a.siblings).toEqual([{ id: "sbx_sb2", name: "sb-2", status: "running", lastPatchSequence: 0, pendingPatches: 0, failedAtSequence: null }]);
    expect(a.count).toBe("1");
  });

  test('count is the number of siblings as a string, "10+" beyond ten (with ten listed, newest first)', async () => {
    await ingest(app, "/api/snapshots/snap_busy", { name: "busy", status: "created", sizeBytes: 1 });
    await ingest(app, "/api/snapshots/snap_three", { name: "three", status: "created", sizeBytes: 1 });
    for (let i = 1; i <= 12; i++) {
      const createdAt = new Date(Date.now() - (100 - i) * 60_000).toISOString();
      await ingest(app, `/api/sandboxes/sbx_busy_${i}`, { status: "running", basedOnSnapshotId: "snap_busy", createdAt });
      if (i <= 3) await ingest(app, `/api/sandboxes/sbx_three_${i}`, { status: "running", basedOnSnapshotId: "snap_three", createdAt });
    }
    const busy = (await tree("snapshotId=busy")).body.snapshots[0];
    expect(busy.count).toBe("10+");
    expect(busy.siblings.map((s: { id: string }) => s.id)).toEqual(
      Array.from({ length: 10 }, (_, k) => `sbx_busy_${12 - k}`),
    );
    const three = (await tree("snapshotId=three")).body.snapshots[0];
    expect(three.count).toBe("3");
    expect(three.siblings).toHaveLength(3);
  });

  test("ten siblings exactly is \"10\", not \"10+\"", async () => {
    await ingest(app, "/api/snapshots/snap_ten", { status: "created", sizeBytes: 1 });
    for (let i = 1; i <= 10; i++) await ingest(app, `/api/sandboxes/sbx_ten_${i}`, { status: "running", basedOnSnapshotId: "snap_ten" });
    const ten = (await tree("snapshotId=snap_ten")).body.snapshots[0];
    expect(ten.count).toBe("10");
  });

  test("a name and an id anchor the same walk", async () => {
    const byName = await tree("snapshotId=my-env&sortOrder=asc");
    const byId = await tree("snapshotId=snap_A&sortOrder=asc");
    expect(byName.body).toEqual(byId.body);
  });
});

describe("bad requests", () => {
  test.each([
    ["limit=0", "invalid_query"],
    ["limit=11", "invalid_query"],
    ["limit=abc", "invalid_query"],
    ["limit=1.5", "invalid_query"],
    ["limit=-1", "invalid_query"],
    ["sortOrder=up", "invalid_query"],
    ["colour=red", "invalid_query"],
    ["cursor=not-a-snapshot-id", "invalid_query"],
    ["cursor=snap_doesnotexist", "invalid_cursor"],
    ["limit=1&limit=2", "invalid_query"],
  ])("%s → 400 %s", async (qs, code) => {
    const res = await tree(`snapshotId=snap_A&${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe("string");
  });

  test("a missing anchor is a 400, an unknown one a 404", async () => {
    expect((await tree("sortOrder=asc")).status).toBe(400);
    const unknown = await tree("snapshotId=no-such-env");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: "snapshot_not_found", message: 'No snapshot has the id or name "no-such-env".' });
  });
});
