import { sql } from "drizzle-orm";
import { rows, type Db } from "../../lib/db/client";
import type { Actor } from "../../lib/audit";
import { seedGoldenFleet } from "../../lib/demo/golden";
import { fleetCsv } from "../../lib/fleet/csv";
import { encodeCursor } from "../../lib/fleet/cursor";
import { listFleet, planFleet, type FleetFilters } from "../../lib/fleet/list";
import { FLEET_PAGE_DEFAULT } from "../../lib/contract/limits";
import { attachPatch } from "../../lib/patches/patches";
import type { Timed } from "./stats";

/**
 * The fleet of a golden snapshot (issue 11): first pages with counts under each filter, a page
 * deep in the walk, attach, and the CSV of the whole fleet, timed as lib calls (what a route
 * handler runs, without HTTP) on golden snapshots of different fleet sizes in one database.
 */
export const actor: Actor = { id: "system:bench", name: "bench", role: "admin", requestId: "bench" };

export const goldenName = (size: number) => `golden-bench-${size}`;

/** Bulk-loads a golden snapshot with `size` sandboxes unless one is already there. */
export async function ensureGoldenFleet(db: Db, size: number, log: (line: string) => void) {
  const name = goldenName(size);
  const found = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM snapshots WHERE name = ${name}`);
  if (found[0]!.n > 0) return;
  const started = performance.now();
  await seedGoldenFleet(db, { id: `snap_golden_bench_${size}`, name, sandboxes: size, bulk: true }, actor);
  await db.execute(sql`ANALYZE sandboxes`);
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
    { name: 'first page + counts, q="sbx_0a" (id prefix)', run: page({ q: "sbx_0a" }) },
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

export type CsvRun = { rows: number; bytes: number; seconds: number; rssGrowthMb: number; heapGrowthMb: number };

/**
 * Streams the whole fleet as CSV (lib/fleet/csv.ts, what the route returns) and reads it to the end,
 * sampling this process's RSS every 20 ms: the growth over the RSS before the stream started.
 */
export async function csvRun(db: Db, size: number): Promise<CsvRun> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const reader = (await fleetCsv(db, goldenName(size), {})).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) newlines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = (v: number) => v / 2 ** 20;
  return { rows: newlines - 1, bytes, seconds, rssGrowthMb: mb(peakRss - before.rss), heapGrowthMb: mb(peakHeap - before.heapUsed) };
}
