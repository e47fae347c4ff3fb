import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { serveOverHttp } from "../helpers/http-server";

/** The `lineage` command run as a real subprocess against a demo server over HTTP. */
const bin = path.resolve(import.meta.dirname, "../../bin/lineage.mjs");

let app: TestApp;
let server: { url: string; close: () => Promise<void> };
let seededAt: string;

type Run = { code: number | null; stdout: string; stderr: string };
type RunOptions = { token?: string | null; url?: string; stdin?: string };

/** Async (never spawnSync): the server answering the CLI runs in this same process. */
function lineage(args: string[], opts: RunOptions = {}): Promise<Run> {
  // A clean environment: no NO_COLOR, LINEAGE_* or proxies from the machine running the tests.
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH, LINEAGE_URL: opts.url ?? server.url, LINEAGE_NOW: seededAt };
  const token = opts.token === undefined ? app.tokens.viewer : opts.token;
  if (token) env.LINEAGE_TOKEN = token;
  const child = spawn(process.execPath, [bin, ...args], { env, cwd: os.tmpdir() });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  child.stdin.end(opts.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The command a "More …:" hint line tells the user to run, as arguments. */
function hint(output: string, title: "More ancestors:" | "More descendants:"): string[] | undefined {
  const line = output.split("\n").find((l) => l.startsWith(title));
  return line?.slice(title.length).trim().split(/\s+/).slice(1); // drop "lineage"
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  app = await startTestApp({ demo: true });
  server = await serveOverHttp(app);
  // Relative times are computed from the moment of seeding (lib/demo/seed.ts: my-env is created
  // 200 hours before it), so the text does not depend on how long the test takes.
  const { body } = await app.call("GET", "/api/snapshots/my-env");
  seededAt = new Date(Date.parse(body.snapshot.createdAt) + 200 * 3600_000).toISOString();
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

describe("lineage tree", () => {
  test("my-sandbox --limit 3: both directions around its current snapshot, with a hint for each", async () => {
    const run = await lineage(["tree", "my-sandbox", "--limit", "3"]);
    expect(run).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "│",
        "● snap_4c9b7e10   gen 16   expires: 4d",
        "│   ├── sbx_4c9b7e10_2  running",
        "│   ╰── sbx_4c9b7e10_1  running",
        "│",
        "● snap_4c9b7cff   gen 15   expires: 4d",
        "│   ╰── sbx_4c9b7cff_1  running",
        "│",
        "● snap_4c9b7bee   gen 14   expires: 4d  ◂ current",
        "│   ╰── sbx_4c9b7bee_1  running",
        "│",
        "● snap_4c9b7add   gen 13   2 patches",
        "│   ├── sbx_4c9b7add_3  stopped  2 pending",
        "│   ├── sbx_4c9b7add_2  running  2 pending",
        "│   ╰── sbx_4c9b7add_1  running  1 pending",
        "│",
        "● snap_4c9b79cc   gen 12   expires: 3d",
        "More ancestors:   lineage tree my-sandbox --direction desc --limit 3 --cursor snap_4c9b79cc",
        "More descendants: lineage tree my-sandbox --direction asc --limit 3 --cursor snap_4c9b7e10",
        "",
      ].join("\n"),
    });
  });

  test("following the hints renders one direction at a time, each with its own further hint", async () => {
    const first = (await lineage(["tree", "my-sandbox", "--limit", "3"])).stdout;

    const up = await lineage(hint(first, "More ancestors:")!);
    expect(up).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "│",
        "● snap_4c9b78bb   gen 11   expires: 3d",
        "│   ├── sbx_4c9b78bb_2  running",
        "│   ╰── sbx_4c9b78bb_1  running",
        "│",
        "● snap_4c9b77aa   gen 10   expires: 3d",
        "│   ╰── sbx_4c9b77aa_1  running",
        "│",
        "● snap_4c9b7699   gen 9",
        "│   ╰── sbx_4c9b7699_1  running",
        "More ancestors:   lineage tree my-sandbox --direction desc --limit 3 --cursor snap_4c9b7699",
        "",
      ].join("\n"),
    });

    const down = await lineage(hint(first, "More descendants:")!);
    expect(down).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "│",
        "● snap_4c9b8143   gen 19   expires: 5d",
        "│   ╰── sbx_4c9b8143_1  running",
        "│",
        "● snap_4c9b8032   gen 18   expires: 5d",
        "│   ├── sbx_4c9b8032_3  stopped",
        "│   ├── sbx_4c9b8032_2  running",
        "│   ╰── sbx_4c9b8032_1  running",
        "│",
        "● snap_4c9b7f21   gen 17",
        "More descendants: lineage tree my-sandbox --direction asc --limit 3 --cursor snap_4c9b8143",
        "",
      ].join("\n"),
    });
  });

  test("following ancestor hints to the end visits every ancestor once, down to the base image", async () => {
    const seen: string[] = [];
    let args: string[] | undefined = ["tree", "my-sandbox", "--direction", "desc", "--limit", "10"];
    while (args) {
      const run = await lineage(args);
      expect(run.code).toBe(0);
      seen.push(...run.stdout.split("\n").filter((l) => l.startsWith("●")).map((l) => l.split(/\s+/)[1]!));
      args = hint(run.stdout, "More ancestors:");
    }
    expect(seen).toHaveLength(15); // my-sandbox's snapshot and its 14 ancestors
    expect(new Set(seen).size).toBe(15);
    expect(seen.at(-1)).toBe("snap_4c9b6d00");
  });

  test('a snapshot name anchors directly; "10+" siblings end with a "+ more" line', async () => {
    const run = await lineage(["tree", "popular-base", "--limit", "1", "--direction", "desc"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const { depth } = (await app.call("GET", "/api/snapshots/popular-base")).body.snapshot;
    expect(lines[1]).toBe(`● snap_4c9b7033 (popular-base)   gen ${depth}   expires: 1d  ◂ current`);
    expect(lines.filter((l) => l.startsWith("│   ├── sbx_4c9b7033_"))).toHaveLength(10);
    expect(lines[12]).toBe("│   ╰── + more (10+ in all)");
  });

  test("--root starts from the root of the chain (gen 0); its hints continue from the root", async () => {
    const run = await lineage(["tree", "my-sandbox", "--root", "--direction", "asc", "--limit", "2"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("●"));
    expect(lines[0]).toMatch(/^● snap_\w+\s+gen 1\b/);
    expect(lines[1]).toMatch(/^● snap_4c9b6d00 \(base-ubuntu\)\s+gen 0\b.*◂ current$/);
    const more = hint(run.stdout, "More descendants:")!;
    expect(more.slice(0, 2)).toEqual(["tree", "snap_4c9b6d00"]);
    const next = await lineage(more);
    expect(next.code).toBe(0);
    expect(next.stdout.split("\n").filter((l) => l.startsWith("●")).map((l) => /gen (\d+)/.exec(l)?.[1])).toEqual(["3", "2"]);
  });

  test("--as-of starts from the newest snapshot on the chain created by then", async () => {
    const { createdAt } = (await app.call("GET", "/api/snapshots/snap_4c9b7add")).body.snapshot;
    const run = await lineage(["tree", "my-sandbox", "--as-of", createdAt, "--direction", "desc", "--limit", "1"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("● snap_4c9b7add   gen 13   2 patches  ◂ current");
    const justBefore = new Date(Date.parse(createdAt) - 1).toISOString();
    const earlier = await lineage(["tree", "my-sandbox", "--as-of", justBefore, "--direction", "desc", "--limit", "1"]);
    expect(earlier.stdout.split("\n")[1]).toMatch(/^● snap_4c9b79cc   gen 12\b/);
  });

  test("--as-of before the chain existed, or a date that is not one, is refused", async () => {
    const before = await lineage(["tree", "my-sandbox", "--as-of", "2000-01-01"]);
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/^error: no_snapshot_then: The chain of snap_4c9b7bee did not exist yet at 2000-01-01T23:59:59.999Z\.\n$/);
    for (const [args, message] of [
      [["--as-of", "yesterday"], '--as-of must be an ISO-8601 date-time or YYYY-MM-DD (got "yesterday")'],
      [["--as-of", "2026-02-30"], '--as-of must be a real date (got "2026-02-30")'],
      [["--root", "--as-of", "2026-01-01"], "--root and --as-of pick the start two ways; give one"],
    ] as const) {
      expect(await lineage(["tree", "my-sandbox", ...args])).toEqual({ code: 2, stdout: "", stderr: `error: ${message}\nRun "lineage tree --help" for usage.\n` });
    }
  });

  test("--json prints the API pages", async () => {
    const run = await lineage(["tree", "my-sandbox", "--limit", "2", "--json"]);
    const api = async (sortOrder: string) =>
      (await app.call("GET", `/api/snapshots/tree?snapshotId=snap_4c9b7bee&limit=2&sortOrder=${sortOrder}`)).body;
    expect(JSON.parse(run.stdout)).toEqual({ desc: await api("desc"), asc: await api("asc") });
  });

  test("an unknown name is one line on stderr and exit code 1", async () => {
    expect(await lineage(["tree", "nope"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: not_found: No sandbox or snapshot has the id or name "nope".\n',
    });
    expect((await lineage(["tree", "snap_nope"])).stderr).toBe('error: snapshot_not_found: No snapshot has the id or name "snap_nope".\n');
  });

  test.each([["0"], ["11"], ["abc"], ["2.5"], ["-1"]])("--limit %s is rejected with exit code 2 before any request", async (limit) => {
    // Nothing listens at this URL: a request would end in a network error, not a usage error.
    const run = await lineage(["tree", "my-sandbox", `--limit=${limit}`], { url: `http://127.0.0.1:${await closedPort()}` });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: --limit must be a whole number from 1 to 10 (got "${limit}")\nRun "lineage tree --help" for usage.\n`,
    });
  });

  test("other bad command lines: exit code 2 and a pointer to --help", async () => {
    const cases: [string[], string][] = [
      [["tree"], "missing <sandbox-or-snapshot>"],
      [["tree", "a", "b"], 'unexpected argument "b"'],
      [["tree", "my-sandbox", "--bogus"], "unknown option --bogus"],
      [["tree", "my-sandbox", "--direction", "up"], '--direction must be asc or desc (got "up")'],
      [["tree", "my-sandbox", "--cursor", "snap_4c9b79cc"], "--cursor needs --direction asc|desc (a cursor continues one direction)"],
    ];
    for (const [args, message] of cases) {
      expect(await lineage(args), args.join(" ")).toEqual({
        code: 2,
        stdout: "",
        stderr: `error: ${message}\nRun "lineage tree --help" for usage.\n`,
      });
    }
    expect(await lineage(["frobnicate"])).toMatchObject({ code: 2, stderr: 'error: unknown command "frobnicate"\nRun "lineage --help" for usage.\n' });
  });

  test("an unreachable server names the URL that failed", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    expect(await lineage(["tree", "my-sandbox"], { url })).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: could not reach ${url}/api/sandboxes/my-sandbox (ECONNREFUSED)\n`,
    });
  });

  test("no token is refused before any request; a wrong one is the API's 401", async () => {
    expect(await lineage(["tree", "my-sandbox"], { token: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: no token: pass --token or set LINEAGE_TOKEN\nRun "lineage tree --help" for usage.\n',
    });
    expect(await lineage(["tree", "my-sandbox", "--token", "lin_wrong"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: unauthorized: That token is unknown or has been revoked.\n",
    });
  });
});

describe("lineage sandbox and patches", () => {
  test("sandbox: details, then each patch's state with the output of failed runs", async () => {
    const run = await lineage(["sandbox", "sb-2"]);
    const patches = (await app.call("GET", "/api/snapshots/my-env/patches")).body.patches as { id: string }[];
    expect(run).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "sbx_sb2 (sb-2)",
        "  status            stopped",
        "  based on          my-env (snap_A)",
        "  current snapshot  my-env (snap_A)",
        "  patches           failed at #2 (Pin Node.js to 20.20.2)",
        "  created           7d ago",
        "  updated           just now",
        "",
        "Patches on my-env (snap_A):",
        `  #1  ${patches[0]!.id}  applied  Refresh CA certificates  ran just now`,
        `  #2  ${patches[1]!.id}  failed   Pin Node.js to 20.20.2   ran just now`,
        "      │ npm ERR! code E404",
        "      │ npm ERR! 404 Not Found - GET https://registry.example/node",
        "",
      ].join("\n"),
    });
  });

  test("attach from stdin, list, remove, list with --all", async () => {
    const editor = { token: app.tokens.editor };
    const attached = await lineage(["patches", "attach", "snap_B", "--description", "Rotate keys"], { ...editor, stdin: "rotate-keys --all\n" });
    expect(attached.code).toBe(0);
    const id = /pat_\w+/.exec(attached.stdout)![0];
    expect(attached.stdout).toBe(`Attached patch #1 ${id} to snap_B: Rotate keys\nOn next wake it reaches 1 sandbox started from snap_B:\n  sbx_sb3\n`);

    // Attached after the pinned "now" (the seeding moment), so always "just now".
    expect((await lineage(["patches", "ls", "snap_B"])).stdout).toBe(`#1  ${id}  test-editor, just now  Rotate keys  0/1 applied, 1 pending\n`);

    expect(await lineage(["patches", "rm", "snap_B", id], editor)).toEqual({
      code: 0,
      stderr: "",
      stdout: `Removed patch #1 ${id} from snap_B; it will never be applied again.\n`,
    });
    expect((await lineage(["patches", "ls", "snap_B"])).stdout).toBe("No live patches on snap_B.\n");
    expect((await lineage(["patches", "ls", "snap_B", "--all"])).stdout).toContain(`#1  ${id}  test-editor`);
    expect(await lineage(["patches", "rm", "snap_B", id], editor)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: patch_not_found: .+\n$/) });
  });

  test("attach from --file, with an idempotency key: a retry returns the same patch", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lineage-cli-")), "fix.sh");
    fs.writeFileSync(file, "echo fixed\n");
    const args = ["patches", "attach", "my-env", "--file", file, "--idempotency-key", "cli-test-1"];
    const first = await lineage(args, { token: app.tokens.editor });
    const again = await lineage(args, { token: app.tokens.editor });
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(first.stdout).toMatch(/^Attached patch #3 pat_\w+ to my-env\.\nOn next wake it reaches 2 sandboxes started from my-env:\n  sbx_sb2\n  sbx_sb1\n$/);
  });

  test("attach refuses an empty script, a missing file, and a viewer token", async () => {
    expect(await lineage(["patches", "attach", "my-env"], { token: app.tokens.editor, stdin: "  \n" })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'error: the script is empty\nRun "lineage patches attach --help" for usage.\n',
    });
    expect(await lineage(["patches", "attach", "my-env", "--file", "/nonexistent/fix.sh"], { token: app.tokens.editor })).toMatchObject({
      code: 1,
      stderr: "error: cannot read /nonexistent/fix.sh: ENOENT\n",
    });
    expect(await lineage(["patches", "attach", "my-env"], { stdin: "echo hi" })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: forbidden: .+\n$/),
    });
  });

  test("patches ls of an unknown snapshot is the API's error in one line", async () => {
    expect(await lineage(["patches", "ls", "nope"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: snapshot_not_found: No snapshot has the id or name "nope".\n',
    });
  });
});

describe("--help", () => {
  test.each([
    [[], "Usage: lineage <command>"],
    [["tree"], "Usage: lineage tree <sandbox-or-snapshot>"],
    [["sandbox"], "Usage: lineage sandbox <name-or-id>"],
    [["patches"], "Usage: lineage patches <command>"],
    [["patches", "ls"], "Usage: lineage patches ls <snapshot>"],
    [["patches", "attach"], "Usage: lineage patches attach <snapshot>"],
    [["patches", "rm"], "Usage: lineage patches rm <snapshot> <patchId>"],
  ])("lineage %j --help", async (command, usage) => {
    const run = await lineage([...command, "--help"], { token: null });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(usage)).toBe(true);
  });
});

describe("control characters from the server are never printed raw", () => {
  // Title (OSC 0), hyperlink (OSC 8), clear screen, an 8-bit CSI, a carriage return and DEL.
  const hostile = "x\u001b]0;owned\u0007\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u001b[2J\u009b31m\rover\u007f";
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const expectSafe = (run: Run) => {
    expect(run.stdout).not.toMatch(raw);
    expect(run.stderr).not.toMatch(raw);
  };

  test("every command, with and without --json", async () => {
    await app.call("PUT", "/api/snapshots/snap_ctl", { token: app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });
    await app.call("PUT", "/api/sandboxes/sbx_ctl", { token: app.tokens.runtime, body: { status: "running", basedOnSnapshotId: "snap_ctl" } });
    const first = await app.call("POST", "/api/snapshots/snap_ctl/patches", { token: app.tokens.editor, body: { script: hostile, description: hostile } });
    await app.call("POST", "/api/sandboxes/sbx_ctl/patch-results", {
      token: app.tokens.runtime,
      body: { patchId: first.body.patch.id, status: "failed", output: hostile },
    });

    const editor = { token: app.tokens.editor };
    const attached = await lineage(["patches", "attach", "snap_ctl", "--description", hostile], { ...editor, stdin: hostile });
    const attachedJson = await lineage(["patches", "attach", "snap_ctl", "--json", "--description", hostile], { ...editor, stdin: hostile });
    const second = JSON.parse(attachedJson.stdout).patch.id as string;
    const runs = {
      attached,
      attachedJson,
      sandbox: await lineage(["sandbox", "sbx_ctl"]),
      sandboxJson: await lineage(["sandbox", "sbx_ctl", "--json"]),
      ls: await lineage(["patches", "ls", "snap_ctl"]),
      lsJson: await lineage(["patches", "ls", "snap_ctl", "--json"]),
      tree: await lineage(["tree", "sbx_ctl"]),
      treeJson: await lineage(["tree", "sbx_ctl", "--json"]),
      fleet: await lineage(["sandboxes", "snap_ctl", "--state", "failed"]),
      fleetJson: await lineage(["sandboxes", "snap_ctl", "--json"]),
      fleetCsv: await lineage(["sandboxes", "snap_ctl", "--csv"]),
      rm: await lineage(["patches", "rm", "snap_ctl", second], editor),
      rmJson: await lineage(["patches", "rm", "snap_ctl", /pat_\w+/.exec(attached.stdout)![0], "--json"], editor),
      unknownCommand: await lineage([hostile]),
      badRef: await lineage(["patches", "ls", hostile]),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.stdout + run.stderr, name).not.toBe("");
      expectSafe(run);
    }
    // People see each control as a visible escape; JSON still carries the exact text.
    expect(runs.sandbox.stdout).toContain("x\\x1b]0;owned\\x07\\x1b]8;;https://evil.example\\x1b\\link");
    expect(runs.sandbox.stdout).toContain("\\x9b31m\\x0dover\\x7f");
    expect(runs.ls.stdout).toContain("\\x1b[2J");
    expect(JSON.parse(runs.lsJson.stdout).patches[0].description).toBe(hostile);
    expect(JSON.parse(runs.sandboxJson.stdout).patches[0].output).toBe(hostile);
    expect(runs.unknownCommand.stderr).toContain('unknown command "x\\x1b]0;owned');
  });
});
