import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `next build` into its own folder, so the benchmarks never disturb other builds; `npm test`
 * points NEXT_DIST_DIR at the build it has just made, for the smoke run.
 */
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestSourceMtime(): number {
  let newest = 0;
  for (const entry of SOURCES.filter((e) => fs.existsSync(e))) {
    const files = fs.statSync(entry).isDirectory()
      ? (fs.readdirSync(entry, { recursive: true }) as string[]).map((f) => path.join(entry, f))
      : [entry];
    for (const f of files) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  }
  return newest;
}

/** Builds unless the build in DIST_DIR is newer than every source file. */
export function ensureBuild() {
  const buildId = path.join(DIST_DIR, "BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSourceMtime()) return;
  console.log(`Building into ${DIST_DIR}…`);
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

export type Server = { baseUrl: string; pid: number; stop: () => Promise<void> };

/**
 * `next start` on `port` with exactly the given database settings (none inherited, so an embedded
 * run never picks up DATABASE_URL); resolves once /api/health answers.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL" && !k.startsWith("LINEAGE_")));
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...inherited, ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 60 s`);
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function processTreeRss(pid: number): number {
  let bytes = 0;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    bytes += kb ? Number(kb[1]) * 1024 : 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) bytes += processTreeRss(Number(child));
    }
  } catch {
    // the process ended between two reads
  }
  return bytes;
}
