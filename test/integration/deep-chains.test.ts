import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/boot";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildChain, ingest } from "../helpers/scenario";

/** SPEC §2 "Deep chains": depth and rootId on every snapshot, ancestor lookups, and walks that stay on their line. */
let app: TestApp;
let chain: string[]; // snap_c0 (root) … snap_c39, oldest first: snap_c{i} is at depth i
let createdAt: number[];
beforeAll(async () => {
  app = await startTestApp();
  chain = await buildChain(app, 40);
  createdAt = [];
  for (const id of chain) createdAt.push(Date.parse((await get(`/api/snapshots/${id}`)).body.snapshot.createdAt));
  // A side branch off snap_c10: sbx_side started from it, snap_side taken of that.
  await ingest(app, "/api/sandboxes/sbx_side", { status: "running", basedOnSnapshotId: "snap_c10" });
  await ingest(app, "/api/snapshots/snap_side", { sourceSandboxId: "sbx_side", status: "created", sizeBytes: 1, name: "side" });
  // Another lineage altogether.
  await buildChain(app, 3, "o");
});
afterAll(() => app.close());

const get = (path: string) => app.call("GET", path, { token: app.tokens.viewer });
const ancestor = (ref: string, qs: string) => get(`/api/snapshots/${ref}/ancestor?${qs}`);

describe("depth and rootId", () => {
  test("every snapshot object carries them: GET, tree nodes, ingest answers", async () => {
    expect((await get("/api/snapshots/snap_c17")).body.snapshot).toMatchObject({ id: "snap_c17", depth: 17, rootId: "snap_c0" });
    expect((await get("/api/snapshots/side")).body.snapshot).toMatchObject({ depth: 11, rootId: "snap_c0" });
    const page = await get("/api/snapshots/tree?snapshotId=snap_c5&limit=10");
    expect(page.body.snapshots.map((s: { depth: number; rootId: string }) => [s.depth, s.rootId])).toEqual(
      [5, 4, 3, 2, 1, 0].map((d) => [d, "snap_c0"]),
    );
    const root = await app.call("PUT", "/api/snapshots/snap_lonely", { token: app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });
    expect(root.body.snapshot).toMatchObject({ depth: 0, rootId: "snap_lonely" });
  });
});

describe("GET /api/snapshots/{ref}/ancestor", () => {
  test("?depth=N gives the ancestor a parent-by-parent walk reaches, for every N and several starting points", async () => {
    for (const from of [39, 32, 17, 1, 0]) {
      for (let n = 0; n <= from; n++) {
        const res = await ancestor(chain[from]!, `depth=${n}`);
        expect(res.status).toBe(200);
        expect(res.body.snapshot).toMatchObject({ id: chain[n], depth: n, rootId: "snap_c0" });
      }
    }
    // From the side branch: its line runs through snap_c10, not snap_c11.
    expect((await ancestor("side", "depth=10")).body.snapshot.id).toBe("snap_c10");
    expect((await ancestor("side", "depth=11")).body.snapshot.id).toBe("snap_side");
  });

  test("?asOf gives the newest snapshot on the chain created at or before that time", async () => {
    const from = 39;
    for (let i = 0; i <= from; i++) {
      const exactly = await ancestor(chain[from]!, `asOf=${new Date(createdAt[i]!).toISOString()}`);
      expect(exactly.body.snapshot.id).toBe(chain[i]);
      const justBefore = await ancestor(chain[from]!, `asOf=${new Date(createdAt[i]! - 1).toISOString()}`);
      if (i === 0) {
        expect(justBefore.status).toBe(404);
        expect(justBefore.body.error.code).toBe("no_snapshot_then");
      } else expect(justBefore.body.snapshot.id).toBe(chain[i - 1]);
    }
    // Later than the snapshot itself: the snapshot (never one of its descendants).
    expect((await ancestor("snap_c20", "asOf=2999-01-01T00:00:00Z")).body.snapshot.id).toBe("snap_c20");
    expect((await ancestor("snap_c20", `asOf=${encodeURIComponent("2999-01-01T00:00:00+02:00")}`)).body.snapshot.id).toBe("snap_c20");
  });

  test.each([
    ["", "invalid_query"],
    ["depth=1&asOf=2026-01-01T00:00:00Z", "invalid_query"],
    ["depth=-1", "invalid_query"],
    ["depth=1.5", "invalid_query"],
    ["depth=abc", "invalid_query"],
    ["depth=", "invalid_query"],
    ["depth=99999999999", "invalid_query"],
    ["depth=21", "invalid_query"],
    ["asOf=yesterday", "invalid_query"],
    ["asOf=2026-01-01", "invalid_query"],
    ["depth=1&depth=2", "invalid_query"],
    ["depth=1&foo=bar", "invalid_query"],
  ])("?%s → 400 %s", async (qs, code) => {
    const res = await ancestor("snap_c20", qs);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  test("an unknown snapshot is a 404, by id or by name", async () => {
    for (const ref of ["snap_nope", "nope"]) {
      const res = await ancestor(ref, "depth=0");
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("snapshot_not_found");
    }
  });
});

describe("tree cursors lie on the anchor's walk", () => {
  test("a cursor from another lineage, or ahead of the anchor, is a 400 invalid_cursor", async () => {
    for (const qs of [
      "snapshotId=snap_c20&sortOrder=desc&cursor=snap_o1", // another lineage
      "snapshotId=snap_c20&sortOrder=desc&cursor=snap_c25", // below the anchor: ahead of it going up
      "snapshotId=snap_c20&sortOrder=desc&cursor=snap_side", // same root, another line
      "snapshotId=snap_c20&sortOrder=asc&cursor=snap_c15", // above the anchor: ahead of it going down
      "snapshotId=snap_c20&sortOrder=asc&cursor=snap_side",
      "snapshotId=snap_c20&sortOrder=asc&cursor=snap_o2",
    ]) {
      const res = await get(`/api/snapshots/tree?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }
  });

  test("cursors on the walk are accepted, the anchor itself included", async () => {
    const up = await get("/api/snapshots/tree?snapshotId=snap_c20&sortOrder=desc&cursor=snap_c20&limit=2");
    expect(up.body.snapshots.map((s: { id: string }) => s.id)).toEqual(["snap_c19", "snap_c18"]);
    const down = await get("/api/snapshots/tree?snapshotId=snap_c20&sortOrder=asc&cursor=snap_c22&limit=2");
    expect(down.body.snapshots.map((s: { id: string }) => s.id)).toEqual(["snap_c23", "snap_c24"]);
    const sideDown = await get("/api/snapshots/tree?snapshotId=snap_c5&sortOrder=asc&cursor=snap_side");
    expect(sideDown.status).toBe(200);
  });
});

describe("data that already holds a loop (written before loops were refused)", () => {
  test("walks in both directions end, never repeating a node", async () => {
    await buildChain(app, 4, "loop");
    const db = await getDb();
    // snap_loop0's parent becomes snap_loop3: a loop of four. Then the repair the migration runs.
    await db.execute(sql`UPDATE snapshots SET parent_id = 'snap_loop3' WHERE id = 'snap_loop0'`);
    await db.execute(sql`SELECT snapshot_ancestry_repair(NULL)`);
    for (const sortOrder of ["desc", "asc"]) {
      for (const anchor of ["snap_loop0", "snap_loop2"]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const res: { status: number; body: { snapshots: { id: string }[]; pagination: { next: string | null } } } = await get(
            `/api/snapshots/tree?snapshotId=${anchor}&sortOrder=${sortOrder}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
          );
          expect(res.status).toBe(200);
          seen.push(...res.body.snapshots.map((s) => s.id));
          cursor = res.body.pagination.next;
          if (!cursor) break;
        }
        expect(cursor, `${anchor} ${sortOrder}`).toBeNull();
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeLessThanOrEqual(4);
      }
    }
    // Writes touching the loop's ancestry answer (no endless repair), and no new loop closes through it.
    const moved = await app.call("PUT", "/api/snapshots/snap_loop1", { token: app.tokens.runtime, body: { status: "created", sizeBytes: 1, createdAt: "2020-01-01T00:00:00Z" } });
    expect(moved.status).toBe(200);
    expect((await get("/api/snapshots/snap_loop2/ancestor?depth=0")).status).toBe(200);
  });
});
