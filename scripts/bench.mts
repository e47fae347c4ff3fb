/**
 * `npm run bench [-- --smoke] [--reseed] [--sizes 1000,100000,1000000] [--drivers pglite,postgres]
 * [--fleets 1000,1000000] [--chain-lineage 48000] [--live-results 200] [--live-streams 1000]
 * [--skip latency,http,browser,fleet,fleet-server,deep,deep-browser,live]`: the scale benchmarks of
 * BENCHMARKS.md, on the embedded database and, when DATABASE_URL is set, on PostgreSQL.
 *  1. tree-page (and search) latency, calling the lib functions against seeded lineages;
 *  2. HTTP throughput of the tree route against `next start` (autocannon), plus the mixed load test;
 *  3. the lineage page in headless Chromium (see bench/browser.ts), with its first-load JS;
 *  4. fleet pages and attach on golden snapshots of each `--fleets` size, and ancestor lookups
 *     and snapshot upserts on the 12 000-deep chain beside a 100-deep one (bench/fleet.ts,
 *     bench/deep-chain.ts), in one database holding a `--chain-lineage` scale lineage; then, under
 *     `next start` on that database, the CSV of each fleet with the server's memory and the fleet
 *     list in Chromium ("fleet-server"), and the deep chain's first view in Chromium ("deep-browser",
 *     bench/fleet-browser.ts). Not in smoke runs.
 *  5. live updates (bench/live.ts): a patch result's way to an open page, with one and (PostgreSQL)
 *     two instances, and with idle event streams open; in a database of its own. Not in smoke runs.
 * Timings are printed and saved under .data-bench-reports/, never asserted.
 */
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../lib/config";
import type { Database } from "../lib/db/client";
import { bootDatabase } from "../lib/boot";
import { anchorNames, isSeeded, scaleShape, seedScale } from "./bench/scale-lineage";
import { explainTree, searchCalls, treeCalls, treeCases } from "./bench/tree-latency";
import { ensureBuild, startServer } from "./bench/server";
import { createTokens, throughput, treePath, type Tokens } from "./bench/http";
import { mixedLoad } from "./bench/mixed-load.mjs";
import { browserBench } from "./bench/browser";
import { callsPerSecond, loadNote, measureInterleaved, ms, type Measured } from "./bench/stats";
import { attachCall, csvOverHttp, ensureGoldenFleet, fleetPageCalls, goldenName, goldenSnapshotId } from "./bench/fleet";
import { deepChainFirstView, fleetListInBrowser } from "./bench/fleet-browser";
import { deepChainAnchors, deepChainCalls } from "./bench/deep-chain";
import { liveBench } from "./bench/live";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    reseed: { type: "boolean", default: false },
    sizes: { type: "string" },
    skip: { type: "string", default: "" },
    drivers: { type: "string" },
    fleets: { type: "string", default: "1000,1000000" },
    // The smallest scale lineage whose long chain is 12 000 deep (scaleShape: a quarter of the snapshots).
    "chain-lineage": { type: "string", default: "48000" },
    "live-results": { type: "string", default: "200" },
    "live-streams": { type: "string", default: "1000" },
  },
});
const smoke = args.smoke;
const sizes = (args.sizes ?? (smoke ? "1000" : "1000,100000,1000000")).split(",").map(Number);
const skip = new Set(args.skip.split(",").filter(Boolean)); // latency, http, browser, fleet, fleet-server, deep, deep-browser, live
// Bulk-loading a million-sandbox fleet takes minutes, and the live part times hundreds of round
// trips through a browser: never part of the smoke run of `npm test`.
if (smoke) for (const part of ["fleet", "fleet-server", "deep", "deep-browser", "live"]) skip.add(part);
const fleetSizes = args.fleets.split(",").map(Number);
const plan = smoke
  ? { warmup: 20, iterations: 100, searchIterations: 10, httpSeconds: 3, loadSeconds: 0 }
  : { warmup: 50, iterations: 400, searchIterations: 40, httpSeconds: 20, loadSeconds: 60 };
const ADMIN_TOKEN = "lin_bench_admin_token_0123456789";
const SECRET = "bench-session-secret-0123456789abcdef";
// BENCH_PORT lets two checkouts benchmark side by side.
const PORT = Number(process.env.BENCH_PORT ?? 3310);

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : n >= 1000 ? `${n / 1000}k` : String(n));
const report: string[] = [];
const out = (line = "") => {
  console.log(line);
  report.push(line);
};
/** Long output (query plans) goes to the report file only. */
const toReport = (line: string) => report.push(line);

type Target = { driver: "pglite" | "postgres"; size: number; env: Record<string, string> };

/** The URL of database `name` next to DATABASE_URL's, created when missing. */
async function postgresDatabase(name: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresTarget(size: number): Promise<Target> {
  return { driver: "postgres", size, env: { DATABASE_URL: await postgresDatabase(`lineage_bench_${label(size)}`) } };
}

// BENCH_PGLITE_PREFIX gives a checkout its own PGlite folders (one process per folder).
const PGLITE_PREFIX = process.env.BENCH_PGLITE_PREFIX ?? ".data-bench";
const pgliteTarget = (size: number): Target => ({ driver: "pglite", size, env: { LINEAGE_DATA_DIR: `${PGLITE_PREFIX}-${label(size)}` } });

function targetConfig(t: Target) {
  const env = { ...t.env, LINEAGE_DEMO: "0", LINEAGE_ADMIN_TOKEN: ADMIN_TOKEN, LINEAGE_SECRET: SECRET };
  return { env, cfg: loadConfig(env as unknown as NodeJS.ProcessEnv) };
}

/** Opens the target, seeding it unless it already holds the lineage of that size. */
async function openSeeded(t: Target): Promise<Database> {
  const database = await bootDatabase(targetConfig(t).cfg);
  try {
    const shape = scaleShape(t.size);
    if (args.reseed || !(await isSeeded(database.db, shape))) {
      console.log(`Seeding ${t.size} snapshots (${t.driver})…`);
      const seeded = await seedScale(database.db, shape, { reset: true });
      if (Object.values(seeded.violations).some((n) => n > 0)) throw new Error(`Seed broke the model: ${JSON.stringify(seeded.violations)}`);
      console.log(`  seeded in ${seeded.seconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
    }
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

function latencyTable(title: string, rows: Measured[], baseline?: Measured[], baseLabel = sizes[0]!.toLocaleString("en")) {
  out(`\n#### ${title}\n`);
  const ratioHeader = ` | p50 ÷ p50 at ${baseLabel}`;
  out(`| case | p50 ms | p95 ms | p99 ms${baseline ? ratioHeader : ""} |`);
  out(`|---|---:|---:|---:|${baseline ? "---:|" : ""}`);
  for (const r of rows) {
    const base = baseline?.find((b) => b.name === r.name);
    const ratio = base ? ` | ${(r.summary.p50 / base.summary.p50).toFixed(2)}` : baseline ? " | –" : "";
    out(`| ${r.name} | ${ms(r.summary.p50)} | ${ms(r.summary.p95)} | ${ms(r.summary.p99)}${ratio} |`);
  }
}

/** All sizes of one driver open at once and timed round-robin (see measureInterleaved). */
async function latency(targets: Target[]) {
  const databases: Database[] = [];
  try {
    for (const t of targets) databases.push(await openSeeded(t));
    const shapes = targets.map((t) => scaleShape(t.size));
    const tree = await measureInterleaved(await Promise.all(databases.map((d, i) => treeCalls(d.db, shapes[i]!))), plan.warmup, plan.iterations);
    const searches = await measureInterleaved(databases.map((d, i) => searchCalls(d.db, shapes[i]!)), 3, plan.searchIterations);
    const { driver } = targets[0]!;
    targets.forEach((t, i) => {
      const size = `${driver}, ${t.size.toLocaleString("en")} snapshots`;
      latencyTable(`${size} — getTreePage, ${plan.iterations} calls per case after ${plan.warmup} warm-up`, tree[i]!, i > 0 ? tree[0] : undefined);
      latencyTable(`${size} — search, ${plan.searchIterations} calls per term`, searches[i]!);
    });
    const largest = targets.length - 1;
    const rate = await callsPerSecond(await treeCalls(databases[largest]!.db, shapes[largest]!), 10, plan.httpSeconds / 2);
    out(`\ngetTreePage with 10 concurrent callers in one process, no HTTP (${driver}, ${targets[largest]!.size.toLocaleString("en")} snapshots): ${Math.round(rate)} pages/s.`);
    console.log(`\n(EXPLAIN (ANALYZE, BUFFERS) of the deep-chain cursor pages: see the report file.)`);
    for (const e of await explainTree(databases[largest]!.db, shapes[largest]!)) {
      toReport(`\n<details><summary>EXPLAIN (ANALYZE, BUFFERS), ${driver}, ${targets[largest]!.size.toLocaleString("en")} snapshots: ${e.name}</summary>\n\n\`\`\`\n${e.plan}\n\`\`\`\n</details>`);
    }
  } finally {
    for (const d of databases) await d.close();
  }
}

/** The scale lineage with a golden snapshot of each `--fleets` size, seeded unless there. */
async function ensureGoldenFleets(t: Target) {
  const database = await openSeeded(t);
  try {
    for (const size of fleetSizes) await ensureGoldenFleet(database.db, size, console.log);
  } finally {
    await database.close();
  }
}

/** Fleet pages and attach at each fleet size, side by side (timed round-robin) in one database. */
async function fleetBench(t: Target) {
  const database = await openSeeded(t);
  try {
    const db = database.db;
    const pages = await measureInterleaved(await Promise.all(fleetSizes.map((size) => fleetPageCalls(db, size))), plan.warmup, plan.iterations);
    const at = (i: number) => `${t.driver}, golden snapshot with ${fleetSizes[i]!.toLocaleString("en")} sandboxes`;
    const base = fleetSizes[0]!.toLocaleString("en");
    fleetSizes.forEach((_, i) => latencyTable(`${at(i)} — listFleet (GET …/sandboxes, 50 rows), ${plan.iterations} calls per case after ${plan.warmup} warm-up; ${loadNote()}`, pages[i]!, i > 0 ? pages[0] : undefined, base));
    const attachIterations = Math.min(100, plan.iterations);
    const attach = await measureInterleaved(fleetSizes.map((size) => [attachCall(db, size)]), 5, attachIterations);
    fleetSizes.forEach((_, i) => latencyTable(`${at(i)} — attachPatch, ${attachIterations} calls after 5 warm-up; ${loadNote()}`, attach[i]!, i > 0 ? attach[0] : undefined, base));
  } finally {
    await database.close();
  }
}

/** Ancestor lookups and child upserts at the bottom of the 12 000-deep chain beside a snapshot 100 deep. */
async function deepBench(t: Target) {
  const database = await openSeeded(t);
  try {
    const { deep, shallow } = await deepChainAnchors(database.db, scaleShape(t.size));
    const anchors = [shallow, deep];
    const measured = await measureInterleaved(await Promise.all(anchors.map((a) => deepChainCalls(database.db, a))), plan.warmup, plan.iterations);
    anchors.forEach((a, i) =>
      latencyTable(`${t.driver}, snapshot ${a.depth.toLocaleString("en")} deep (${a.id}) — ${plan.iterations} calls per case after ${plan.warmup} warm-up; ${loadNote()}`, measured[i]!, i > 0 ? measured[0] : undefined, `depth ${shallow.depth}`),
    );
  } finally {
    await database.close();
  }
}

/**
 * Under `next start` on the chain lineage's database (closed by this process first: PGlite allows
 * one process per folder): the CSV of each fleet with the server's memory and the fleet list in
 * Chromium at the largest fleet, then the first view of the 12 000-deep chain.
 */
async function chainLineageOverServer(t: Target) {
  const shape = scaleShape(t.size);
  ensureBuild();
  const server = await startServer(PORT, targetConfig(t).env);
  try {
    const tokens = await createTokens(server.baseUrl, ADMIN_TOKEN);
    if (!skip.has("fleet-server")) {
      await csvOverHttp(server, tokens.viewer, fleetSizes[0]!); // warm-up: the route's code, the connection pool
      out(`\n#### ${t.driver} — CSV of the whole fleet through next start (GET …/sandboxes?format=csv); the server's RSS (process tree) sampled every 20 ms\n`);
      out(`| fleet | rows | MB | seconds | rows/s | server RSS before MB | peak RSS growth MB | load average (1 min) |`);
      out(`|---:|---:|---:|---:|---:|---:|---:|---:|`);
      for (const size of fleetSizes) {
        const r = await csvOverHttp(server, tokens.viewer, size);
        out(`| ${size.toLocaleString("en")} | ${r.rows.toLocaleString("en")} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${r.seconds.toFixed(2)} | ${Math.round(r.rows / r.seconds).toLocaleString("en")} | ${r.rssBeforeMb.toFixed(0)} | ${r.rssGrowthMb.toFixed(1)} | ${os.loadavg()[0]!.toFixed(1)} |`);
      }
      const largest = fleetSizes[fleetSizes.length - 1]!;
      const list = await fleetListInBrowser(server.baseUrl, tokens.viewer, goldenName(largest), goldenSnapshotId(largest));
      out(`\n#### ${t.driver} — fleet list of ${largest.toLocaleString("en")} sandboxes in headless Chromium; ${loadNote()}\n`);
      const ph = list.phases;
      const at = (v: number | null) => (v === null ? "–" : `${Math.round(v)} ms`);
      out(`Time to first rows (navigation → the first paint with the list's rows, measured in the page), 5 first visits: median ${Math.round(list.firstRows.median)} ms, slowest ${Math.round(list.firstRows.slowest)} ms (target ≤ 500);`);
      const listRequest = ph.listRequestStart === null ? "the list's first page came with the HTML (no request)" : `the list's first page requested at ${at(ph.listRequestStart)} and received at ${at(ph.listResponseEnd)}`;
      out(`the last visit: HTML first byte ${at(ph.firstByte)}, DOM ready ${at(ph.domReady)}; ${listRequest}.`);
      const sc = list.scroll;
      out(`Scroll through ${sc.rows.toLocaleString("en")} rows (10 rows a frame, pages of 100 loading as it goes): ${sc.seconds.toFixed(1)} s, ${sc.frames} frames, frame time p50 ${ms(sc.p50)} ms, p95 ${ms(sc.p95)} ms (target ≤ 20), max ${ms(sc.max)} ms, ${sc.over50} frames over 50 ms.`);
    }
    if (!skip.has("deep-browser")) {
      const tip = anchorNames(shape).chainTip;
      const res = await fetch(`${server.baseUrl}/api/snapshots/${tip}`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      const { snapshot } = (await res.json()) as { snapshot: { id: string; depth: number; rootId: string } };
      const view = await deepChainFirstView(server.baseUrl, tokens.viewer, tip, snapshot.rootId);
      out(`\n#### ${t.driver} — first view of /lineage/${tip} (${snapshot.depth.toLocaleString("en")} deep) in headless Chromium; ${loadNote()}\n`);
      out(`Time to interactive with the root shown (navigation → graph fitted, the gap node and the root ${snapshot.rootId} in the page), 5 first visits: median ${Math.round(view.median)} ms, slowest ${Math.round(view.slowest)} ms.`);
    }
  } finally {
    await server.stop();
  }
}

/** The parts that need `next start`: HTTP throughput and the mixed load, then the browser. */
async function againstServer(t: Target) {
  const database = await openSeeded(t);
  const treePaths = (await treeCases(database.db, scaleShape(t.size)).finally(() => database.close())).map((c) => treePath(c.query));
  ensureBuild();
  const server = await startServer(PORT, targetConfig(t).env);
  try {
    const tokens = await createTokens(server.baseUrl, ADMIN_TOKEN);
    if (!skip.has("http")) await overHttp(server.baseUrl, tokens, treePaths, t);
    const label = `${t.driver}, ${t.size.toLocaleString("en")} snapshots`;
    if (!skip.has("browser")) await browserBench(server.baseUrl, tokens.viewer, anchorNames(scaleShape(t.size)).chainMid, label, out);
  } finally {
    await server.stop();
  }
}

async function overHttp(baseUrl: string, tokens: Tokens, treePaths: string[], t: Target) {
  await throughput(baseUrl, tokens.viewer, treePaths, 3, 10); // warm-up: JIT, connection pool
  out(`\n#### ${t.driver}, ${t.size.toLocaleString("en")} snapshots — HTTP under next start, autocannon 20 connections, ${plan.httpSeconds} s\n`);
  out(`| route | requests | req/s | p50 ms | p99 ms | errors | non-2xx |`);
  out(`|---|---:|---:|---:|---:|---:|---:|`);
  // What this machine gives any route, for comparison: the health route (public, one small query)
  // and an unknown API path (answered 404 by a route that reads neither credentials nor database).
  const routes = [
    ["tree (8 page kinds in turn)", tokens.viewer, treePaths],
    ["health (public, one small query)", null, ["/api/health"]],
    ["unknown API path, 404 by design (no auth, no database)", null, ["/api/no-such-route"]],
  ] as const;
  for (const [name, token, paths] of routes) {
    const r = await throughput(baseUrl, token, [...paths], plan.httpSeconds, 20);
    out(`| ${name} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.non2xx} |`);
  }
  if (plan.loadSeconds > 0) {
    const mixed = await mixedLoad({ baseUrl, tokens, durationSeconds: plan.loadSeconds });
    out(`\nMixed read/write load (scripts/bench/mixed-load.mts), ${plan.loadSeconds} s: ${mixed.requests} requests, ${Math.round(mixed.rps)} req/s, p99 ${mixed.p99Ms} ms, ${mixed.errors} errors, ${mixed.non2xx} non-2xx${Object.keys(mixed.failures).length ? ` (${JSON.stringify(mixed.failures)})` : ""}.`);
  }
}

const drivers = (args.drivers?.split(",") ?? ["pglite", ...(process.env.DATABASE_URL ? ["postgres"] : [])]) as Target["driver"][];
if (drivers.includes("postgres") && !process.env.DATABASE_URL) throw new Error("--drivers postgres needs DATABASE_URL");
const started = new Date();
out(`### Run of ${started.toISOString()} — \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\``);
out(`\nNode ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; drivers: ${drivers.join(", ")}; sizes: ${sizes.join(", ")}.`);
for (const driver of drivers) {
  const targets = await Promise.all(sizes.map((size) => (driver === "postgres" ? postgresTarget(size) : pgliteTarget(size))));
  if (!skip.has("latency")) await latency(targets);
  if (!skip.has("http") || !skip.has("browser")) await againstServer(targets[targets.length - 1]!);
  const chainParts = ["fleet", "fleet-server", "deep", "deep-browser"].filter((part) => !skip.has(part));
  if (chainParts.length) {
    const chainLineage = Number(args["chain-lineage"]);
    const t = driver === "postgres" ? await postgresTarget(chainLineage) : pgliteTarget(chainLineage);
    if (!skip.has("fleet") || !skip.has("fleet-server")) await ensureGoldenFleets(t);
    if (!skip.has("fleet")) await fleetBench(t);
    if (!skip.has("deep")) await deepBench(t);
    if (!skip.has("fleet-server") || !skip.has("deep-browser")) await chainLineageOverServer(t);
  }
  if (!skip.has("live")) {
    // Its own small lineage, made through the API: no scale seed needed.
    const env: Record<string, string> = driver === "postgres" ? { DATABASE_URL: await postgresDatabase("lineage_live_bench") } : { LINEAGE_DATA_DIR: ".data-live-bench" };
    ensureBuild();
    await liveBench({
      driver,
      env: targetConfig({ driver, size: 0, env }).env,
      adminToken: ADMIN_TOKEN,
      port: PORT,
      results: Number(args["live-results"]),
      idleStreams: Number(args["live-streams"]),
      out,
    });
  }
}
fs.mkdirSync(".data-bench-reports", { recursive: true });
const file = `.data-bench-reports/report-${started.toISOString().replace(/[:.]/g, "-")}.md`;
fs.writeFileSync(file, `${report.join("\n")}\n`);
console.log(`\nReport saved to ${file}.`);
