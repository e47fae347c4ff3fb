import { sql } from "drizzle-orm";
import { rows, type Db } from "../../lib/db/client";
import type { Actor } from "../../lib/audit";
import { seedGoldenFleet } from "../../lib/demo/golden";
import { encodeCursor } from "../../lib/fleet/cursor";
import { listFleet, planFleet, type FleetFilters } from "../../lib/fleet/list";
import { FLEET_PAGE_DEFAULT } from "../../lib/contract/limits";
import { attachPatch } from "../../lib/patches/patches";
import type { Timed } from "./stats";
import { processTreeRss, type Server } from "./server";

/**
 * The fleet of a golden snapshot (issue 11): first pages with counts under each filter, a page
 * deep in the walk and attach, timed as lib calls (what a route handler runs, without HTTP) on
 * golden snapshots of different fleet sizes in one database; the CSV of the whole fleet through
 * `next start`, with the server's memory.
 */
export const actor: Actor = { id: "system:bench", name: "bench", role: "admin", requestId: "bench" };

export const goldenName = (size: number) => `golden-bench-${size}`;
export const goldenSnapshotId = (size: number) => `snap_golden_bench_${size}`;

/** Bulk-loads a golden snapshot with `size` sandboxes unless one is already there. */
export async function ensureGoldenFleet(db: Db, size: number, log: (line: string) => void) {
  const name = goldenName(size);
  const found = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM snapshots WHERE name = ${name}`);
  if (found[0]!.n > 0) return;
  const started = performance.now();
  await seedGoldenFleet(db, { id: goldenSnapshotId(size), name, sandboxes: size, bulk: true }, actor);
  // What autovacuum does after a bulk insert on PostgreSQL (PGlite runs none): statistics, and the
  // visibility map that lets the prefix search read keys from its indexes alone.
  await db.execute(sql`VACUUM ANALYZE sandboxes`);
  log(`  ${name}: ${size.toLocaleString("en")} sandboxes bulk-loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A cursor at ~90 % of the walk with `filters`, found once with OFFSET (setup only, never timed). */
async function deepCursor(db: Db, ref: string, filters: FleetFilters): Promise<string> {
  const plan = await planFleet(db, ref, filters);
  const [{ n }] = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sandboxes WHERE based_on_snapshot_id = ${plan.snapshotId}`)) as [{ n: number }];
  const [key] = await rows<{ id: string; created_us: string }>(
    db,
    sql`SELECT id, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us FROM sandboxes
        WHERE based_on_snapshot_id = ${plan.snapshotId} ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(n * 0.9)} LIMIT 1`,
  );
  return encodeCursor(plan.scope, { createdUs: key!.created_us, id: key!.id });
}

/** The newest patch of a golden snapshot: the one still rolling out, so `state=pending` has rows. */
async function rollingPatch(db: Db, ref: string): Promise<string> {
  const [p] = await rows<{ id: string }>(
    db,
    sql`SELECT p.id FROM patches p JOIN snapshots s ON s.id = p.snapshot_id WHERE s.name = ${ref} AND p.removed_at IS NULL ORDER BY p.sequence DESC LIMIT 1`,
  );
  return p!.id;
}

/** First page + counts under each filter, and a page deep in the walk, at the fleet API's default page size. */
export async function fleetPageCalls(db: Db, size: number): Promise<Timed[]> {
  const ref = goldenName(size);
  const patch = await rollingPatch(db, ref);
  const page = (filters: FleetFilters, cursor?: string) => () => listFleet(db, ref, filters, FLEET_PAGE_DEFAULT, cursor);
  return [
    { name: "first page + counts, no filter", run: page({}) },
    { name: "first page + counts, state=failed", run: page({ state: "failed" }) },
    { name: "first page + counts, patch=…&state=pending", run: page({ patch, state: "pending" }) },
    { name: 'first page + counts, q="sbx_0a" (id prefix, 1/256 of the fleet)', run: page({ q: "sbx_0a" }) },
    { name: 'first page + counts, q="sbx_0" (id prefix, 1/16 of the fleet)', run: page({ q: "sbx_0" }) },
    { name: 'first page + counts, q="sbx_0a"&state=failed', run: page({ q: "sbx_0a", state: "failed" }) },
    { name: 'first page + counts, q="sbx_0"&status=running', run: page({ q: "sbx_0", status: "running" }) },
    { name: "page at 90 % of the walk, no filter", run: page({}, await deepCursor(db, ref, {})) },
    { name: "page at 90 % of the walk, state=failed", run: page({ state: "failed" }, await deepCursor(db, ref, { state: "failed" })) },
  ];
}

/** Attaching a patch to the golden snapshot (each call a new patch: a real attach, with its reach). */
export function attachCall(db: Db, size: number): Timed {
  let n = 0;
  return {
    name: "attach a patch (POST …/patches)",
    run: () => attachPatch(db, goldenName(size), { script: `echo bench ${++n} ${Date.now()}`, description: "bench attach" }, actor),
  };
}

export type CsvRun = { rows: number; bytes: number; seconds: number; rssBeforeMb: number; rssGrowthMb: number };

/**
 * The CSV route under `next start` (GET …/sandboxes?format=csv), read to the end by this process,
 * while the server's resident memory (its whole process tree) is sampled every 20 ms: the growth
 * is the peak over the RSS just before the request.
 */
export async function csvOverHttp(server: Server, token: string, size: number): Promise<CsvRun> {
  const before = processTreeRss(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, processTreeRss(server.pid))), 20);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const res = await fetch(`${server.baseUrl}/api/snapshots/${goldenName(size)}/sandboxes?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`CSV of ${goldenName(size)} → ${res.status}`);
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      for (const b of chunk.value) if (b === 10) newlines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const mb = (v: number) => v / 2 ** 20;
  return { rows: newlines - 1, bytes, seconds: (performance.now() - started) / 1000, rssBeforeMb: mb(before), rssGrowthMb: mb(peak - before) };
}
