import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runLineage, runLineageBinary, type CliRun } from "../helpers/cli";
import { serveTestApp } from "../helpers/served-app";

/**
 * The `lineage` command against the demo served over HTTP, run in this process through the `main`
 * bin/lineage.mjs calls (test/unit/cli-usage.test.ts has what it decides before any request). The
 * last test runs the real binary, for its wiring.
 */
let seededAt: string;
const served = serveTestApp("demo", async (app) => {
  // Relative times are computed from the moment of seeding (lib/demo/seed.ts: my-env is created
  // 200 hours before it), so the text does not depend on how long the test takes.
  const { body } = await app.call("GET", "/api/snapshots/my-env");
  seededAt = new Date(Date.parse(body.snapshot.createdAt) + 200 * 3600_000).toISOString();
});

type RunOptions = { token?: string | null; stdin?: string };

/** The environment of a command run by a viewer (or `token`), with "now" pinned to the seeding. */
function env(opts: RunOptions) {
  const token = opts.token === undefined ? served.app.tokens.viewer : opts.token;
  return { LINEAGE_URL: served.url, LINEAGE_NOW: seededAt, ...(token && { LINEAGE_TOKEN: token }) };
}
const lineage = (args: string[], opts: RunOptions = {}) => runLineage(args, env(opts), opts.stdin);

/** The command a "More …:" hint line tells the user to run, as arguments. */
function hint(output: string, title: "More ancestors:" | "More descendants:"): string[] | undefined {
  const line = output.split("\n").find((l) => l.startsWith(title));
  return line?.slice(title.length).trim().split(/\s+/).slice(1); // drop "lineage"
}

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
    const { depth } = (await served.app.call("GET", "/api/snapshots/popular-base")).body.snapshot;
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
    const { createdAt } = (await served.app.call("GET", "/api/snapshots/snap_4c9b7add")).body.snapshot;
    const run = await lineage(["tree", "my-sandbox", "--as-of", createdAt, "--direction", "desc", "--limit", "1"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("● snap_4c9b7add   gen 13   2 patches  ◂ current");
    const justBefore = new Date(Date.parse(createdAt) - 1).toISOString();
    const earlier = await lineage(["tree", "my-sandbox", "--as-of", justBefore, "--direction", "desc", "--limit", "1"]);
    expect(earlier.stdout.split("\n")[1]).toMatch(/^● snap_4c9b79cc   gen 12\b/);
  });

  test("--as-of before the chain existed is refused by the API", async () => {
    const before = await lineage(["tree", "my-sandbox", "--as-of", "2000-01-01"]);
    expect(before).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: no_snapshot_then: The chain of snap_4c9b7bee did not exist yet at 2000-01-01T23:59:59.999Z.\n",
    });
  });

  test("--json prints the API pages", async () => {
    const run = await lineage(["tree", "my-sandbox", "--limit", "2", "--json"]);
    const api = async (sortOrder: string) =>
      (await served.app.call("GET", `/api/snapshots/tree?snapshotId=snap_4c9b7bee&limit=2&sortOrder=${sortOrder}`)).body;
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

  test("a wrong token is the API's 401", async () => {
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
    const patches = (await served.app.call("GET", "/api/snapshots/my-env/patches")).body.patches as { id: string }[];
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
    const editor = { token: served.app.tokens.editor };
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
    const first = await lineage(args, { token: served.app.tokens.editor });
    const again = await lineage(args, { token: served.app.tokens.editor });
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(first.stdout).toMatch(/^Attached patch #3 pat_\w+ to my-env\.\nOn next wake it reaches 2 sandboxes started from my-env:\n  sbx_sb2\n  sbx_sb1\n$/);
  });

  test("attach with a viewer token is the API's refusal", async () => {
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

describe("control characters from the server are never printed raw", () => {
  // Title (OSC 0), hyperlink (OSC 8), clear screen, an 8-bit CSI, a carriage return and DEL.
  const hostile = "x\u001b]0;owned\u0007\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u001b[2J\u009b31m\rover\u007f";
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const expectSafe = (run: CliRun) => {
    expect(run.stdout).not.toMatch(raw);
    expect(run.stderr).not.toMatch(raw);
  };

  test("every command, with and without --json", async () => {
    await served.app.call("PUT", "/api/snapshots/snap_ctl", { token: served.app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });
    await served.app.call("PUT", "/api/sandboxes/sbx_ctl", { token: served.app.tokens.runtime, body: { status: "running", basedOnSnapshotId: "snap_ctl" } });
    const first = await served.app.call("POST", "/api/snapshots/snap_ctl/patches", { token: served.app.tokens.editor, body: { script: hostile, description: hostile } });
    await served.app.call("POST", "/api/sandboxes/sbx_ctl/patch-results", {
      token: served.app.tokens.runtime,
      body: { patchId: first.body.patch.id, status: "failed", output: hostile },
    });

    const editor = { token: served.app.tokens.editor };
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

describe("bin/lineage.mjs, run as a command", () => {
  test("prints what main prints, exits with its code, and reads a piped script from stdin", async () => {
    await served.app.call("PUT", "/api/snapshots/snap_bin", { token: served.app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });
    const editor = { token: served.app.tokens.editor };
    const tree = ["tree", "my-sandbox", "--limit", "3"];
    const usage = ["tree", "my-sandbox", "--limit", "0"];
    const attach = ["patches", "attach", "snap_bin", "--description", "From a pipe"];
    const [treeRun, usageRun, attachRun] = await Promise.all([
      runLineageBinary(tree, env({})),
      runLineageBinary(usage, env({})),
      runLineageBinary(attach, env(editor), "echo piped\n"),
    ]);
    expect(treeRun).toEqual(await lineage(tree));
    expect(treeRun.code).toBe(0);
    expect(usageRun).toEqual(await lineage(usage));
    expect(usageRun.code).toBe(2);
    expect(attachRun).toMatchObject({ code: 0, stderr: "" });
    expect(attachRun.stdout).toMatch(/^Attached patch #1 pat_\w+ to snap_bin: From a pipe\n/);
    const { patches } = (await served.app.call("GET", "/api/snapshots/snap_bin/patches")).body;
    expect(patches.map((p: { script: string }) => p.script)).toEqual(["echo piped\n"]);
  });
});
