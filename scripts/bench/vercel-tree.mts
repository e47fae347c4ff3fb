/**
 * `DATABASE_URL=postgres://… npx tsx scripts/bench/vercel-tree.mts`: the statement behind Vercel's
 * snapshot tree (lib/lineage/chain.ts) on a chain 12 000 deep whose middle snapshot has 200 000
 * child snapshots, in a scratch database `lineage_bench_vercel_tree` created next to DATABASE_URL's
 * and dropped at the end. Prints each page's EXPLAIN (ANALYZE, BUFFERS) summary and its latency
 * through snapshotChain; never asserts.
 */
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { bootDatabase } from "../../lib/boot";
import { loadConfig } from "../../lib/config";
import { chainStatement, snapshotChain, type ChainQuery } from "../../lib/lineage/chain";
import { VERCEL_SIBLINGS_LISTED } from "../../lib/contract/limits";

const DEPTH = 12_000;
const FAN = 200_000;
const RUNS = 200;
const NAME = "lineage_bench_vercel_tree";

const base = process.env.DATABASE_URL;
if (!base) throw new Error("Set DATABASE_URL to a PostgreSQL server (a scratch database is created next to it).");
const url = new URL(base);
url.pathname = `/${NAME}`;
const admin = async (statement: string) => {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(statement);
  await c.end();
};
await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${NAME}`);

const cfg = loadConfig({ DATABASE_URL: url.toString(), LINEAGE_DEMO: "0" });
const { db, close } = await bootDatabase(cfg);
// Direct set-based inserts: only reads are measured. Chain snap_c0 ← … ← snap_c11999; snap_c6000 has
// the chain's next snapshot plus 200 000 more children (all older, so walks stay on the chain).
await db.execute(sql`INSERT INTO snapshots (id, parent_id, status, size_bytes, created_at, root_id)
  SELECT 'snap_c' || i, CASE WHEN i = 0 THEN NULL ELSE 'snap_c' || (i - 1) END, 'created', i, now() - (${DEPTH} - i) * interval '1 minute', 'snap_c0'
  FROM generate_series(0, ${DEPTH - 1}) i`);
await db.execute(sql`INSERT INTO snapshots (id, parent_id, status, size_bytes, created_at, root_id)
  SELECT 'snap_f' || i, 'snap_c6000', 'created', i, now() - interval '30 days' + i * interval '1 second', 'snap_c0'
  FROM generate_series(1, ${FAN}) i`);
await db.execute(sql`ANALYZE snapshots`);

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const dialect = new PgDialect();
const page = (ref: string, direction: "asc" | "desc"): ChainQuery => ({ ref, direction, limit: 10, siblingsMax: VERCEL_SIBLINGS_LISTED });
const cases: [string, ChainQuery][] = [
  [`ancestors of the tip (${DEPTH} deep)`, page(`snap_c${DEPTH - 1}`, "desc")],
  [`descendants through the parent of ${FAN / 1000}k`, page("snap_c5995", "asc")],
  [`an anchor with ${FAN / 1000}k siblings`, page(`snap_f${FAN / 2}`, "desc")],
];
console.log(`| page (limit 10) | execution | shared buffers | seq scan | p50 | p95 |\n|---|---|---|---|---|---|`);
for (const [label, q] of cases) {
  const built = dialect.sqlToQuery(chainStatement(q));
  const [plan] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${built.sql}`, built.params)).rows[0]["QUERY PLAN"];
  const seqScan = JSON.stringify(plan).includes('"Node Type":"Seq Scan"');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await snapshotChain(db, q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => `${times[Math.floor((RUNS - 1) * p)]!.toFixed(2)} ms`;
  console.log(`| ${label} | ${plan["Execution Time"].toFixed(2)} ms | ${plan.Plan["Shared Hit Blocks"] + plan.Plan["Shared Read Blocks"]} | ${seqScan ? "yes" : "no"} | ${at(0.5)} | ${at(0.95)} |`);
}
await client.end();
await close();
await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
