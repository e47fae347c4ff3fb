import { Sandbox, Snapshot } from "@vercel/sandbox";
import { expect, test } from "vitest";
import { buildChain, ingest } from "../helpers/scenario";
import { serveTestApp } from "../helpers/served-app";

/** Vercel's published SDK, unchanged, with a fetch that sends its calls to Lineage served over HTTP. */
let chain: string[];
const requested: string[] = [];

const served = serveTestApp("spec-example", async (app) => {
  chain = await buildChain(app, 25);
  // snap_fan has 12 child snapshots, each taken of its own sandbox.
  await ingest(app, "/api/snapshots/snap_fan", { status: "created", sizeBytes: 1, createdAt: new Date(Date.now() - 3600_000).toISOString() });
  for (let k = 1; k <= 12; k++) {
    await ingest(app, `/api/sandboxes/sbx_fan${k}`, { status: "stopped", basedOnSnapshotId: "snap_fan" });
    await ingest(app, `/api/snapshots/snap_fan${k}`, { sourceSandboxId: `sbx_fan${k}`, status: "created", sizeBytes: k, createdAt: new Date(Date.now() - (20 - k) * 60_000).toISOString() });
  }
});

/** Vercel's API base is https://vercel.com/api; the same paths go to the test server instead. */
const redirect: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  requested.push(url.href);
  // The SDK passes its own undici dispatcher, which is meant for that origin only.
  const { dispatcher: _dispatcher, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
  return fetch(`${served.url}${url.pathname}${url.search}`, rest);
};
const client = () => ({ token: served.app.tokens.viewer, teamId: "team_lineage", projectId: "prj_lineage", fetch: redirect });

test("Snapshot.tree pages through a 25-snapshot chain 3 at a time, each snapshot once, in order, both ways", async () => {
  const up = await Snapshot.tree({ snapshotId: chain[24]!, sortOrder: "desc", limit: 3, ...client() });
  expect(up.anchor?.snapshot.id).toBe(chain[24]);
  expect(up.snapshots.map((n) => n.snapshot.id)).toEqual([chain[23], chain[22], chain[21]]);
  expect(up.pagination).toEqual({ count: 3, next: chain[21] });
  expect((await up.toArray()).map((n) => n.snapshot.id)).toEqual(chain.slice(0, 24).reverse());
  const pages = [];
  for await (const page of up.pages()) pages.push(page.pagination);
  expect(pages.map((p) => p.count)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
  expect(pages.at(-1)!.next).toBeNull();

  const down = await Snapshot.tree({ snapshotId: chain[0]!, sortOrder: "asc", limit: 3, ...client() });
  expect(down.anchor?.snapshot.id).toBe(chain[0]);
  expect((await down.toArray()).map((n) => n.snapshot.id)).toEqual(chain.slice(1));

  // Every call carried the scope parameters the SDK always sends, and went to Vercel's API only.
  expect(requested.length).toBeGreaterThan(16);
  for (const href of requested) {
    expect(href).toMatch(/^https:\/\/vercel\.com\/api\/v2\/sandboxes\//);
    expect(new URL(href).searchParams.get("teamId")).toBe("team_lineage");
  }
});

test("siblings are the other snapshots of the same parent: 12 children give \"10+\" and 9 listed", async () => {
  const page = await Snapshot.tree({ snapshotId: "snap_fan5", sortOrder: "desc", limit: 1, ...client() });
  expect(page.anchor!.count).toBe("10+");
  const siblings = page.anchor!.siblings.map((s) => s.id);
  expect(siblings).toHaveLength(9);
  // Newest first, never the node itself.
  expect(siblings).toEqual(["snap_fan12", "snap_fan11", "snap_fan10", "snap_fan9", "snap_fan8", "snap_fan7", "snap_fan6", "snap_fan4", "snap_fan3"]);
  expect(page.anchor!.siblings.every((s) => s.parentId === "snap_fan")).toBe(true);
  // The parent itself is a root: no siblings, counted alone, and no parentId field at all.
  expect(page.snapshots).toHaveLength(1);
  expect(page.snapshots[0]).toMatchObject({ siblings: [], count: "1" });
  expect(page.snapshots[0]!.snapshot).not.toHaveProperty("parentId");
  expect(page.pagination).toEqual({ count: 1, next: null });

  // A chain link has no other child of its parent: "1". snap_A's only child is snap_B.
  const spec = await Snapshot.tree({ snapshotId: "snap_B", sortOrder: "desc", limit: 10, ...client() });
  expect(spec.anchor).toMatchObject({ siblings: [], count: "1" });
  expect(spec.snapshots.map((n) => n.snapshot.id)).toEqual(["snap_A"]);
});

test("Snapshot.get and Sandbox.get parse, with epoch-millisecond times", async () => {
  const snapshot = await Snapshot.get({ snapshotId: "snap_B", ...client() });
  expect(snapshot.snapshotId).toBe("snap_B");
  expect(snapshot.sourceSessionId).toBe("sbx_sb1");
  expect(snapshot.status).toBe("created");
  const own = await served.app.call("GET", "/api/snapshots/snap_B");
  expect(snapshot.createdAt.getTime()).toBe(Date.parse(own.body.snapshot.createdAt));
  expect((await Snapshot.get({ snapshotId: "my-env", ...client() })).snapshotId).toBe("snap_A");

  const sandbox = await Sandbox.get({ name: "sb-1", ...client() });
  expect(sandbox.name).toBe("sb-1");
  expect(sandbox.status).toBe("running");
  expect(sandbox.currentSnapshotId).toBe("snap_B");
  expect((await Sandbox.get({ name: "sb-2", resume: false, ...client() })).currentSnapshotId).toBe("snap_A");
});

test("unknown records and bad parameters are refused in the error shape the SDK reads", async () => {
  await expect(Snapshot.get({ snapshotId: "snap_missing", ...client() })).rejects.toThrow(/404.*No snapshot has the id or name "snap_missing"/);
  await expect(Sandbox.get({ name: "no-such-sandbox", ...client() })).rejects.toThrow(/404.*No sandbox/);
  const res = await served.app.call("GET", "/api/v2/sandboxes/snapshots/tree?snapshotId=snap_A&limit=11&teamId=t");
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("invalid_query");
  expect((await served.app.call("GET", "/api/v2/sandboxes/snapshots/tree?snapshotId=snap_A&color=blue")).status).toBe(400);
  expect((await served.app.call("GET", "/api/v2/sandboxes/snapshots/tree?teamId=t")).status).toBe(400);
});
