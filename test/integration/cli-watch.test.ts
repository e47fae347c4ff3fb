import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { serveOverHttp } from "../helpers/http-server";
import { buildSpecExample } from "../helpers/scenario";

const bin = path.resolve(import.meta.dirname, "../../bin/lineage.mjs");

let app: TestApp;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
  server = await serveOverHttp(app);
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

test("lineage tree --watch prints the tree again when a sandbox on it changes", async () => {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH, LINEAGE_URL: server.url, LINEAGE_TOKEN: app.tokens.viewer, NO_COLOR: "1" };
  const child = spawn(process.execPath, [bin, "tree", "my-env", "--watch"], { env, cwd: os.tmpdir() });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  const prints = () => stdout.split("● snap_A").length - 1;
  try {
    await expect.poll(prints, { timeout: 30_000 }).toBe(1);
    expect(stdout).toContain("sbx_sb2 (sb-2)  running");
    const res = await app.call("PUT", "/api/sandboxes/sbx_sb2", { token: app.tokens.runtime, body: { status: "stopped" } });
    expect(res.status).toBe(200);
    await expect.poll(prints, { timeout: 30_000 }).toBe(2);
    expect(stdout.slice(stdout.lastIndexOf("● snap_A"))).toContain("sbx_sb2 (sb-2)  stopped");
  } finally {
    child.kill();
  }
});
