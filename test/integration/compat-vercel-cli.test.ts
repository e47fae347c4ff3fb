import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serveTestApp } from "../helpers/served-app";

/**
 * Vercel's published `sandbox` CLI, unchanged, run as a subprocess with the preload that sends its
 * API calls to Lineage (scripts/redirect-vercel-api.mjs) against the demo lineage.
 */
const root = path.resolve(import.meta.dirname, "../..");
const preload = path.join(root, "scripts/redirect-vercel-api.mjs");
const cli = path.join(root, "node_modules/sandbox/bin/sandbox.mjs");

const served = serveTestApp("demo");
let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-"));
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** Async (never spawnSync): the server answering the CLI runs in this same process. */
function sandboxCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // A clean environment and an empty home: no stored Vercel login, config or proxies of the machine.
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home, LINEAGE_URL: served.url, VERCEL_AUTH_TOKEN: served.app.tokens.viewer };
  const child = spawn(process.execPath, ["--import", preload, cli, ...args, "--scope", "lineage", "--project", "lineage"], { env, cwd: home });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const chainId = (i: number) => `snap_${(0x4c9b6d00 + i * 0x111).toString(16)}`;

test("`sandbox snapshots tree my-sandbox` draws the demo's lineage from Lineage", async () => {
  const { code, stdout, stderr } = await sandboxCli(["snapshots", "tree", "my-sandbox"]);
  expect(stderr).not.toMatch(/refused/);
  expect(code, stderr).toBe(0);
  const lines = stdout.split("\n");
  // my-sandbox's current snapshot (i = 14), marked, between its descendants (above) and ancestors (below).
  const current = lines.findIndex((l) => l.includes(chainId(14)));
  expect(lines[current]).toMatch(/◂ current/);
  expect(lines.findIndex((l) => l.includes(chainId(15)))).toBeLessThan(current);
  expect(lines.findIndex((l) => l.includes(chainId(13)))).toBeGreaterThan(current);
  // The tenth ancestor (i = 4) was taken beside 11 other snapshots of popular-base's sandboxes:
  // the CLI lists five of them, then the rest of "10+".
  const fourth = lines.findIndex((l) => l.includes(chainId(4)));
  const popular = chainId(3).slice(5);
  expect(lines.slice(fourth + 1, fourth + 6)).toEqual([11, 10, 9, 8, 7].map((k) => `│   ├── snap_${popular}_${k}`));
  expect(lines[fourth + 6]).toBe("│   ╰── +4+ more snapshots");
  expect(stdout).toContain(`More ancestors: sandbox snapshots tree my-sandbox --sort-order desc --cursor ${chainId(4)}`);
  expect(stdout).toContain(`More descendants: sandbox snapshots tree my-sandbox --sort-order asc --cursor ${chainId(24)}`);
});

test("following the \"More ancestors\" hint shows the rest of the chain down to the base image", async () => {
  const { code, stdout, stderr } = await sandboxCli(["snapshots", "tree", "my-sandbox", "--sort-order", "desc", "--cursor", chainId(4)]);
  expect(stderr).not.toMatch(/refused/);
  expect(code, stderr).toBe(0);
  const shown = [...stdout.matchAll(/● (snap_\w+)/g)].map((m) => m[1]);
  expect(shown).toEqual([chainId(3), chainId(2), chainId(1), chainId(0)]);
  expect(stdout).not.toContain("More ancestors");
});
