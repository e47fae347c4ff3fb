import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { main } from "@/lib/cli/main";

/** What one `lineage` command line ended with. */
export type CliRun = { code: number | null; stdout: string; stderr: string };

/** The environment a command sees, besides PATH: LINEAGE_URL, LINEAGE_TOKEN, LINEAGE_NOW… */
export type CliEnv = Record<string, string | undefined>;

/**
 * Runs one `lineage` command line in this process, through the same `main` bin/lineage.mjs calls,
 * with its output captured and `stdin` piped in (not a terminal, like the subprocess's).
 */
export async function runLineage(args: string[], env: CliEnv, stdin = ""): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(stdin ? [Buffer.from(stdin)] : []),
    env,
  });
  return { code, stdout, stderr };
}

const bin = path.resolve(import.meta.dirname, "../../bin/lineage.mjs");

/** Starts bin/lineage.mjs as a real subprocess, in a clean environment: no NO_COLOR, LINEAGE_* or proxies of the machine. */
export function spawnLineage(args: string[], env: CliEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bin, ...args], { env: { NODE_ENV: "test", PATH: process.env.PATH, ...env }, cwd: os.tmpdir() });
}

/**
 * Runs bin/lineage.mjs to its end, to check its wiring (argv, streams, exit code). Async, never
 * spawnSync: the server answering it may run in this same process.
 */
export function runLineageBinary(args: string[], env: CliEnv, stdin = ""): Promise<CliRun> {
  const child = spawnLineage(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A loopback URL nothing listens on: a command that sent a request there would fail to connect. */
export async function closedUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
