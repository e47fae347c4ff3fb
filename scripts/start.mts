/**
 * `npm start`: validates configuration, migrates (and on first start seeds) the database,
 * prints the demo tokens, builds when the build is missing or stale, then runs `next start`.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../lib/config";
import { DataDirLockedError } from "../lib/db/data-dir-lock";
import { bootDatabase, liveDemoTokens } from "../lib/boot";

process.env.NEXT_TELEMETRY_DISABLED = "1";

function fail(message: string): never {
  console.error(`\nLineage cannot start.\n${message}\n`);
  process.exit(1);
}

let cfg;
try {
  cfg = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(err.message);
  throw err;
}

let demo: Awaited<ReturnType<typeof liveDemoTokens>> = [];
try {
  const database = await bootDatabase(cfg);
  if (cfg.demo) demo = await liveDemoTokens(database.db, cfg);
  await database.close();
} catch (err) {
  if (err instanceof DataDirLockedError) fail(err.message);
  fail(`The database could not be opened: ${err instanceof Error ? err.message : String(err)}`);
}

const sources = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs"];
function newestSourceMtime(): number {
  let newest = 0;
  for (const entry of sources) {
    if (!fs.existsSync(entry)) continue;
    const files = fs.statSync(entry).isDirectory()
      ? (fs.readdirSync(entry, { recursive: true }) as string[]).map((f) => path.join(entry, f))
      : [entry];
    for (const f of files) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  }
  return newest;
}
const buildId = path.join(".next", "BUILD_ID");
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime()) {
  console.log("Building the dashboard (first start, or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) fail("`next build` failed; see the output above.");
}

const url = `http://localhost:${cfg.port}`;
console.log(`\nLineage is starting on ${url}`);
console.log(cfg.databaseUrl ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PGlite in ${path.resolve(cfg.dataDir)}`);
if (demo.length) {
  // Only tokens that still work: an admin may have revoked some of them.
  console.log("\nDemo tokens (sign in at /signin, or send `Authorization: Bearer <token>`):");
  for (const t of demo) console.log(`  ${t.role.padEnd(8)} ${t.secret}`);
  const reader = demo.find((t) => t.role === "viewer") ?? demo[0]!;
  console.log(`\nTry: curl -H "Authorization: Bearer ${reader.secret}" "${url}/api/snapshots/tree?snapshotId=my-env"\n`);
}

const next = spawn("npx", ["next", "start", "-p", String(cfg.port)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
