import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dispatch, startTestApp, type TestApp } from "../helpers/app";
import { ingest } from "../helpers/scenario";
import { recountFleet } from "../helpers/fleet-recount";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/boot";
import { rows } from "@/lib/db/client";
import { csvFieldSql, fleetCsv } from "@/lib/fleet/csv";

let app: TestApp;
const SNAP = "snap_fleet";
const statuses = ["running", "stopped", "failed", "pending"] as const;
const base = Date.parse("2026-01-01T00:00:00.000Z");
const patchIds: string[] = [];

const list = (ref: string, query: Record<string, string | number> = {}) =>
  app.call("GET", `/api/snapshots/${ref}/sandboxes?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, {
    token: app.tokens.viewer,
  });

/** Every page of one walk, checking each page's counts along the way. */
async function walk(ref: string, query: Record<string, string | number>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await list(ref, { ...query, ...(cursor && { cursor }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.sandboxes.map((s: { id: string }) => s.id));
    cursor = res.body.pagination.next;
  } while (cursor);
  return ids;
}

async function report(sandbox: string, patchId: string, status: "applied" | "failed") {
  const res = await app.call("POST", `/api/sandboxes/${sandbox}/patch-results`, { token: app.tokens.runtime, body: { patchId, status, output: `ran ${patchId}` } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/**
 * 30 sandboxes of one snapshot: statuses in turn, some named, several sharing a createdAt (the
 * id breaks the tie), then three patches with every outcome: applied, failed, blocked, pending.
 */
beforeAll(async () => {
  app = await startTestApp();
  await ingest(app, `/api/snapshots/${SNAP}`, { name: "fleet-a", status: "created", sizeBytes: 1 });
  await ingest(app, "/api/snapshots/snap_other", { name: "fleet-b", status: "created", sizeBytes: 1 });
  for (let i = 0; i < 30; i++) {
    await ingest(app, `/api/sandboxes/sbx_f${String(i).padStart(2, "0")}`, {
      status: statuses[i % statuses.length],
      basedOnSnapshotId: SNAP,
      createdAt: new Date(base + Math.floor(i / 3) * 60_000).toISOString(),
      ...(i % 5 === 0 && { name: `web-${i}` }),
    });
  }
  await ingest(app, "/api/sandboxes/sbx_elsewhere", { status: "running", basedOnSnapshotId: "snap_other" });
  for (const script of ["echo one", "echo two", "echo three"]) {
    const res = await app.call("POST", `/api/snapshots/${SNAP}/patches`, { token: app.tokens.editor, body: { script } });
    patchIds.push(res.body.patch.id);
  }
  // 0-9 apply #1 and #2; 10-14 apply #1 then fail #2 (so #3 is blocked); 15-19 fail #1; 20-24 apply #1..#3.
  for (let i = 0; i < 25; i++) {
    const id = `sbx_f${String(i).padStart(2, "0")}`;
    if (i < 15 || i >= 20) await report(id, patchIds[0]!, "applied");
    if (i < 10 || i >= 20) await report(id, patchIds[1]!, "applied");
    if (i >= 10 && i < 15) await report(id, patchIds[1]!, "failed");
    if (i >= 15 && i < 20) await report(id, patchIds[0]!, "failed");
    if (i >= 20) await report(id, patchIds[2]!, "applied");
  }
}, 120_000); // about a hundred requests
afterAll(() => app.close());

describe("GET /api/snapshots/{ref}/sandboxes", () => {
  test("no filter: newest first (id breaking ties), pages of the limit, exact counts, by name or id", async () => {
    const truth = await recountFleet(SNAP);
    const first = await list("fleet-a", { limit: 7 });
    expect(first.status).toBe(200);
    expect(first.body.sandboxes).toHaveLength(7);
    expect(first.body.counts).toEqual(truth.counts);
    expect(first.body.counts.total).toBe(30);
    expect(first.body.counts.state).toEqual({ upToDate: 5, pending: 15, failed: 10 });
    const top = first.body.sandboxes[0];
    expect(top).toEqual({
      id: "sbx_f29",
      name: null,
      status: "stopped",
      state: "pending",
      lastPatchSequence: 0,
      failedAtSequence: null,
      createdAt: new Date(base + 9 * 60_000).toISOString(),
      updatedAt: expect.any(String),
    });
    expect(await walk(SNAP, { limit: 7 })).toEqual(truth.sandboxes.map((s) => s.id));
    expect((await list("fleet-a")).body.sandboxes).toHaveLength(30); // default limit 50
  });

  test("every filter, alone and combined, lists exactly what a recount from the rows finds", async () => {
    const truth = await recountFleet(SNAP);
    const expectWalk = async (query: Record<string, string>, keep: (s: (typeof truth.sandboxes)[number]) => boolean) => {
      expect(await walk(SNAP, { limit: 8, ...query }), JSON.stringify(query)).toEqual(truth.sandboxes.filter(keep).map((s) => s.id));
    };
    for (const state of ["upToDate", "pending", "failed"]) await expectWalk({ state }, (s) => truth.state(s) === state);
    for (const status of [...statuses, "snapshotting"]) await expectWalk({ status }, (s) => s.status === status);
    for (const q of ["sbx_f1", "sbx_f4", "web-", "web-1", "sbx_zz", "sbx_"]) {
      await expectWalk({ q }, (s) => s.id.startsWith(q) || (s.name ?? "").startsWith(q));
    }
    for (const [i, patch] of patchIds.entries()) {
      for (const state of ["applied", "pending", "blocked", "failed"]) {
        await expectWalk({ patch, state }, (s) => truth.stateFor(s, i + 1) === state);
        const res = await list(SNAP, { patch, state, limit: 1 });
        expect(res.body.counts).toEqual(truth.countsFor(i + 1));
      }
    }
    await expectWalk({ state: "failed", status: "running" }, (s) => truth.state(s) === "failed" && s.status === "running");
    await expectWalk({ patch: patchIds[2]!, state: "blocked", q: "sbx_f1" }, (s) => truth.stateFor(s, 3) === "blocked" && s.id.startsWith("sbx_f1"));
  });

  // prefixPage (lib/fleet/list.ts) finishes a page with the first of three plans that can: a walk
  // of 16 × (limit + 1) newest rows (an id prefix of six characters or more walks its bucket; none
  // with a state or status filter), the matching keys sorted when at most ceil(√((limit + 1) ×
  // fleet)) match, else a walk of the fleet or of the matching groups until the page is full.
  // fleet-p holds 125 sandboxes: the 5 oldest "sbx_xN", 30 "sbx_oldNN" (all running), then 90 over
  // six id buckets (a third running), some named "sbx-…" (so `sbx` matches some sandboxes by id
  // and by name) or "webp-…". At these page sizes the bound runs 20…52 and the first walk 48…336
  // rows, so each plan ends some of the walks below: sbx_x (5 old: sorted), sbx_o (30 old behind 90
  // newer: the last walk at page sizes 2 and 3), sbx_ol and sbx_b7 (buckets), sbx_, sbx and webp-;
  // with a status filter, sbx_x sorted and sbx_ by the groups' walks. Every walk must list exactly
  // the matches, once.
  test("a prefix walk lists exactly its matches, whichever plan ends each page", async () => {
    await ingest(app, "/api/snapshots/snap_prefix", { name: "fleet-p", status: "created", sizeBytes: 1 });
    const at = (i: number) => new Date(base + Math.floor(i / 2) * 1000).toISOString();
    const old = [...[0, 1, 2, 3, 4].map((i) => `sbx_x${i}`), ...Array.from({ length: 30 }, (_, i) => `sbx_old${String(i).padStart(2, "0")}`)];
    for (const [i, id] of old.entries()) await ingest(app, `/api/sandboxes/${id}`, { status: "running", basedOnSnapshotId: "snap_prefix", createdAt: at(i) });
    for (let i = 0; i < 90; i++) {
      const name = i % 4 === 0 ? { name: `sbx-${i}` } : i % 5 === 0 ? { name: `webp-${i}` } : {};
      const bucket = ["a3", "b7", "c1", "d9", "e2", "f4"][i % 6]!;
      const status = i % 3 === 0 ? "running" : "stopped";
      await ingest(app, `/api/sandboxes/sbx_${bucket}${i}`, { status, basedOnSnapshotId: "snap_prefix", createdAt: at(old.length + i), ...name });
    }
    const truth = await recountFleet("snap_prefix");
    const starts = (q: string) => (s: { id: string; name: string | null }) => s.id.startsWith(q) || (s.name ?? "").startsWith(q);
    for (const q of ["sbx_x", "sbx_o", "sbx_ol", "sbx_b7", "sbx_", "sbx", "webp-"]) {
      const expected = truth.sandboxes.filter(starts(q)).map((s) => s.id);
      for (const limit of [2, 3, 5, 8, 13, 20]) expect(await walk("fleet-p", { q, limit }), `q=${q} limit=${limit}`).toEqual(expected);
      for (const status of ["running", "stopped"]) {
        const expected = truth.sandboxes.filter((s) => starts(q)(s) && s.status === status).map((s) => s.id);
        for (const limit of [3, 20]) expect(await walk("fleet-p", { q, status, limit }), `q=${q} status=${status} limit=${limit}`).toEqual(expected);
      }
    }
    // The CSV download pages through the same plans, a thousand rows at a time.
    for (const query of ["q=sbx_o", "q=sbx&status=running", "q=webp-"]) {
      const params = new URLSearchParams(query);
      const [q, status] = [params.get("q")!, params.get("status")];
      const expected = truth.sandboxes.filter((s) => starts(q)(s) && (status === null || s.status === status)).map((s) => s.id);
      const lines = (await csv(`/api/snapshots/fleet-p/sandboxes?format=csv&${query}`)).text.trimEnd().split("\n").slice(1);
      expect(lines.map((l) => l.split(",")[0]), query).toEqual(expected);
    }
    for (const q of ["sbx_f1", "sbx_f", "web-"]) {
      const expected = (await recountFleet(SNAP)).sandboxes.filter((s) => s.id.startsWith(q) || (s.name ?? "").startsWith(q)).map((s) => s.id);
      for (let limit = 1; limit <= 12; limit++) expect(await walk(SNAP, { q, limit }), `q=${q} limit=${limit}`).toEqual(expected);
    }
    // Characters no id or name can hold after its start: nothing matches, and nothing is read.
    expect((await list("fleet-p", { q: "Sbx" })).body.sandboxes).toEqual([]);
  });

  test("a row's state and failure follow the patch asked about", async () => {
    const failedRun = (await list(SNAP, { q: "sbx_f12", patch: patchIds[1]! })).body.sandboxes[0];
    expect(failedRun).toMatchObject({ id: "sbx_f12", state: "failed", lastPatchSequence: 1, failedAtSequence: 2 });
    expect((await list(SNAP, { q: "sbx_f12", patch: patchIds[2]! })).body.sandboxes[0]).toMatchObject({ state: "blocked" });
    expect((await list(SNAP, { q: "sbx_f12", patch: patchIds[0]! })).body.sandboxes[0]).toMatchObject({ state: "applied" });
    expect((await list(SNAP, { q: "sbx_f12" })).body.sandboxes[0]).toMatchObject({ state: "failed" });
  });

  test("a cursor only continues its own walk: tampered, of another filter set or snapshot → 400 invalid_cursor", async () => {
    const next: string = (await list(SNAP, { limit: 2, status: "running" })).body.pagination.next;
    expect((await list(SNAP, { limit: 2, status: "running", cursor: next })).status).toBe(200);
    const [payload, signature] = next.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(payload, "base64url").toString()).with(2, "sbx_f00"))).toString("base64url");
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    const otherSnapshot: string = (await list("snap_other", { limit: 1, status: "running" })).body.pagination.next ?? "";
    for (const [why, query] of [
      ["payload changed", { status: "running", cursor: `${forged}.${signature}` }],
      ["signature changed", { status: "running", cursor: `${payload}.${flipped}` }],
      ["other filters", { status: "stopped", cursor: next }],
      ["no filters", { cursor: next }],
      ["other snapshot", { status: "running", cursor: next, _ref: "fleet-b" }],
      ["garbage", { cursor: "not-a-cursor" }],
      ["three parts", { cursor: `${next}.x` }],
    ] as const) {
      const { _ref, ...q } = query as Record<string, string>;
      const res = await list(_ref ?? SNAP, q);
      expect(res.status, why).toBe(400);
      expect(res.body.error.code, why).toBe("invalid_cursor");
    }
    expect(otherSnapshot).toBe(""); // fleet-b has one sandbox: no next page
  });

  test("bad parameters are 400s (unknown snapshot or patch: 404), never a 500", async () => {
    const bad: Record<string, string | number>[] = [
      { limit: 0 },
      { limit: 101 },
      { limit: "ten" },
      { state: "applied" },
      { state: "upToDate", patch: patchIds[0]! },
      { state: "bogus" },
      { status: "asleep" },
      { q: "a b" },
      { q: "x".repeat(101) },
      { patch: "not-a-patch" },
      { format: "xml" },
      { color: "red" },
    ];
    for (const query of bad) {
      const res = await list(SNAP, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe("invalid_query");
    }
    expect((await list(SNAP, { patch: "pat_unknown" })).body.error.code).toBe("patch_not_found");
    const otherPatch = await app.call("POST", "/api/snapshots/snap_other/patches", { token: app.tokens.editor, body: { script: "true" } });
    expect((await list(SNAP, { patch: otherPatch.body.patch.id })).status).toBe(404);
    expect((await list("snap_nope")).body.error.code).toBe("snapshot_not_found");
    expect((await app.call("GET", `/api/snapshots/${SNAP}/sandboxes`, { token: null })).status).toBe(401);
  });

  test("format=csv streams every matching sandbox with the header, in list order", async () => {
    const truth = await recountFleet(SNAP);
    const raw = await csv(`/api/snapshots/${SNAP}/sandboxes?format=csv&state=failed`);
    expect(raw.type).toBe("text/csv; charset=utf-8");
    const lines = raw.text.trimEnd().split("\n");
    expect(lines[0]).toBe("id,name,status,state,lastPatchSequence,failedAtSequence,createdAt");
    const failed = truth.sandboxes.filter((s) => truth.state(s) === "failed");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(failed.map((s) => s.id));
    expect(lines).toContain(`sbx_f15,web-15,pending,failed,0,1,${new Date(base + 5 * 60_000).toISOString()}`);
    const all = await csv(`/api/snapshots/${SNAP}/sandboxes?format=csv`);
    expect(all.text.trimEnd().split("\n")).toHaveLength(31);
    const bad = await csv(`/api/snapshots/${SNAP}/sandboxes?format=csv&state=nope`);
    expect(bad.status).toBe(400);
  });

  test("each CSV line says what the list says of that sandbox, with or without `patch`", async () => {
    for (const query of [{}, { patch: patchIds[1]! }, { q: "web-" }] as Record<string, string>[]) {
      const listed = (await list(SNAP, { limit: 100, ...query })).body.sandboxes as { id: string; name: string | null; status: string; state: string; lastPatchSequence: number; failedAtSequence: number | null; createdAt: string }[];
      const raw = await csv(`/api/snapshots/${SNAP}/sandboxes?${new URLSearchParams({ format: "csv", ...query })}`);
      expect(raw.text.split("\n").slice(1, -1), JSON.stringify(query)).toEqual(
        listed.map((s) => [s.id, s.name ?? "", s.status, s.state, s.lastPatchSequence, s.failedAtSequence ?? "", s.createdAt].join(",")),
      );
    }
  });

  test("a sandbox that moves to a group the download did not know yet is written with its new state", async () => {
    await ingest(app, "/api/snapshots/snap_csv_move", { status: "created", sizeBytes: 1 });
    await ingest(app, "/api/sandboxes/sbx_csv_move", { status: "running", basedOnSnapshotId: "snap_csv_move" });
    const patch = (await app.call("POST", "/api/snapshots/snap_csv_move/patches", { token: app.tokens.editor, body: { script: "echo move" } })).body.patch.id;
    // The stream's plan is made now, with the one group (nothing applied, nothing failed)…
    const stream = await fleetCsv(await getDb(), "snap_csv_move", {});
    // …and the first batch is read after the sandbox failed the patch: a group the plan lacks.
    await report("sbx_csv_move", patch, "failed");
    const text = await new Response(stream).text();
    expect(text.split("\n")[1]).toMatch(/^sbx_csv_move,,running,failed,0,1,/);
  });

  test("CSV fields, written by the database: plain ones as they are, commas, quotes and line breaks quoted with quotes doubled, null empty", async () => {
    const values = ["sbx_a", null, "a,b", 'say "hi"', "two\nlines", "cr\r"];
    const fields = await rows<{ f: string }>(
      await getDb(),
      sql`SELECT ${csvFieldSql(sql`v`)} AS f FROM (VALUES ${sql.join(values.map((v, i) => sql`(${i}::int, ${v}::text)`), sql`, `)}) t(i, v) ORDER BY i`,
    );
    expect(fields.map((r) => r.f)).toEqual(["sbx_a", "", '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"']);
  });
});

/** The test app's `call` parses JSON; a CSV answer is read from the handler as a client streams it. */
async function csv(url: string) {
  const res = await dispatch(app.routes, new Request(new URL(url, "http://localhost:3000"), { headers: { authorization: `Bearer ${app.tokens.viewer}` } }));
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

describe("a walk sees each sandbox exactly once while sandboxes keep arriving", () => {
  // q takes its own plans (lib/fleet/list.ts prefixPage), by the share of the fleet that matches:
  // sbx_f2 (11 of ~40) and sbx_ (all); the arrivals match both prefixes.
  test.each<Record<string, string>>([{}, { q: "sbx_" }, { q: "sbx_f2" }])("new sandboxes reported between and during page reads never repeat or hide one (%o)", async (filters) => {
    const before = (await recountFleet(SNAP)).sandboxes.map((s) => s.id).filter((id) => id.startsWith(filters.q ?? ""));
    const seen: string[] = [];
    let cursor: string | null = null;
    let k = 0;
    const tag = (filters.q ?? "all").replace(/_/g, "");
    do {
      // Half arrive now (newer than any cursor), half with an old createdAt (behind the cursor).
      const arrivals = [0, 1, 2].map(() => {
        k += 1;
        const createdAt = k % 2 === 0 ? { createdAt: new Date(base + k * 7_000).toISOString() } : {};
        return ingest(app, `/api/sandboxes/sbx_f2new${tag}x${k}`, { status: "running", basedOnSnapshotId: SNAP, ...createdAt });
      });
      const query: Record<string, string | number> = { limit: 5, ...filters, ...(cursor ? { cursor } : {}) };
      const [page] = await Promise.all([list(SNAP, query), ...arrivals]);
      seen.push(...page.body.sandboxes.map((s: { id: string }) => s.id));
      cursor = page.body.pagination.next as string | null;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });

  test("a sandbox's createdAt cannot move once it exists (409), the same value is fine", async () => {
    const at = new Date(base).toISOString();
    const same = await app.call("PUT", "/api/sandboxes/sbx_f00", { token: app.tokens.runtime, body: { status: "running", createdAt: at } });
    expect(same.status).toBe(200);
    const moved = await app.call("PUT", "/api/sandboxes/sbx_f00", {
      token: app.tokens.runtime,
      body: { status: "running", createdAt: new Date(base + 1).toISOString() },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe("created_at_immutable");
    expect((await app.call("GET", "/api/sandboxes/sbx_f00", { token: app.tokens.viewer })).body.sandbox.createdAt).toBe(at);
  });
});

describe("reach and rollout", () => {
  test("attach answers the exact reach and the ten newest reached; each patch lists its rollout", async () => {
    const truth = await recountFleet(SNAP);
    const res = await app.call("POST", `/api/snapshots/${SNAP}/patches`, { token: app.tokens.editor, body: { script: "echo four" } });
    expect(res.status).toBe(201);
    expect(res.body.reach).toEqual({ count: truth.sandboxes.length, sample: truth.sandboxes.slice(0, 10).map((s) => s.id) });
    const after = await recountFleet(SNAP);
    const listed = await app.call("GET", `/api/snapshots/${SNAP}/patches`, { token: app.tokens.viewer });
    for (const p of listed.body.patches) expect(p.rollout, `#${p.sequence}`).toEqual(after.rolloutFor(p.sequence));
    expect(listed.body.patches[0].rollout).toMatchObject({ applied: 20, failed: 5 });
    expect(listed.body.patches[2].rollout).toMatchObject({ applied: 5, blocked: 10 });
  });
});
