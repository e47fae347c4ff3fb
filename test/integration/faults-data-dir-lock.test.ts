import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/**
 * Two processes on one embedded data folder: PGlite would abort the second one (and risk the data),
 * so the second must refuse with a clear message and the first must carry on unharmed.
 */
const onPglite = process.env.TEST_DB === "pglite";
const dataDir = `.data-hard-lock-${crypto.randomBytes(4).toString("hex")}`;
const env: NodeJS.ProcessEnv = { ...process.env, LINEAGE_DATA_DIR: dataDir, LINEAGE_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

// The first process: opens the folder, then answers "query" lines with a snapshot count.
const holderScript = `
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { rows } from "./lib/db/client.ts";
import { bootDatabase } from "./lib/boot.ts";
const database = await bootDatabase();
console.log("ready");
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === "query") console.log("snapshots", (await rows(database.db, sql\`SELECT count(*)::int AS n FROM snapshots\`))[0].n);
}
await database.close();
`;

/** Runs a node process with TypeScript support; resolves with its exit code and output. */
function run(args: string[], timeoutMs: number) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return once(child, "exit").then(([code, signal]) => {
    clearTimeout(timer);
    return { code: code as number | null, signal: signal as string | null, output };
  });
}

/** Waits for the first line the holder printed that starts with `prefix`. */
async function nextLine(lines: string[], prefix: string): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const index = lines.findIndex((l) => l.startsWith(prefix));
    if (index >= 0) return lines.splice(index, 1)[0]!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the holder never printed "${prefix}"`);
}

describe.skipIf(!onPglite)("a PGlite data folder in use by another process", () => {
  let holder: ChildProcessWithoutNullStreams;
  const holderLines: string[] = [];

  beforeAll(async () => {
    holder = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", holderScript], { env });
    readline.createInterface({ input: holder.stdout }).on("line", (line) => holderLines.push(line));
    await nextLine(holderLines, "ready");
  }, 60_000);
  afterAll(() => {
    holder?.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("`npm start` in a second process stops with a clear message instead of aborting", async () => {
    const second = await run(["scripts/start.mts"], 60_000);
    expect(second.signal, second.output).toBeNull();
    expect(second.code, second.output).toBe(1);
    expect(second.output).toContain("Lineage cannot start.");
    expect(second.output).toContain(`is in use by process ${holder.pid}`);
    expect(second.output).not.toMatch(/Aborted|RuntimeError|Building the dashboard/);
  }, 90_000);

  test("an API request in a second process is a 503 in the error shape, and the holder is unharmed", async () => {
    const probe = `
      process.env.LINEAGE_DATA_DIR = ${JSON.stringify(dataDir)};
      const { GET } = await import("./app/api/health/route.ts");
      const res = await GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
      console.log(JSON.stringify({ status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() }));
    `;
    const second = await run(["--input-type=module", "-e", probe], 60_000);
    expect(second.code, second.output).toBe(0);
    const answer = JSON.parse(second.output.trim().split("\n").pop()!);
    expect(answer).toMatchObject({ status: 503, retryAfter: "2", body: { error: { code: "database_unavailable" } } });

    holder.stdin.write("query\n");
    expect(await nextLine(holderLines, "snapshots")).toMatch(/^snapshots [1-9]\d*$/);
  }, 90_000);

  test("once the holder is gone (even killed), the folder opens again", async () => {
    holder.kill("SIGKILL");
    await once(holder, "exit");
    const reopened = await run(["--input-type=module", "-e", holderScript.replace('console.log("ready");', 'console.log("ready"); process.exit(0);')], 60_000);
    expect(reopened.code, reopened.output).toBe(0);
    expect(reopened.output).toContain("ready");
  }, 90_000);
});
