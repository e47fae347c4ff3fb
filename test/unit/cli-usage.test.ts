import { beforeAll, describe, expect, test } from "vitest";
import { closedUrl, runLineage } from "../helpers/cli";

/**
 * What the `lineage` command decides before sending any request: help, usage errors, a missing
 * token, an unreadable script. Nothing listens at the URL it is given, so a request it sent anyway
 * would end in a network error, not in the answer expected here.
 */
let url: string;
beforeAll(async () => {
  url = await closedUrl();
});
const lineage = (args: string[], opts: { token?: string | null; stdin?: string } = {}) =>
  runLineage(args, { LINEAGE_URL: url, ...(opts.token !== null && { LINEAGE_TOKEN: opts.token ?? "lin_viewer" }) }, opts.stdin);

const usageError = (message: string, command = "tree") => ({
  code: 2,
  stdout: "",
  stderr: `error: ${message}\nRun "lineage ${command} --help" for usage.\n`,
});

describe("--help", () => {
  test.each([
    [[], "Usage: lineage <command>"],
    [["tree"], "Usage: lineage tree <sandbox-or-snapshot>"],
    [["sandbox"], "Usage: lineage sandbox <name-or-id>"],
    [["sandboxes"], "Usage: lineage sandboxes <snapshot>"],
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

describe("usage errors: exit code 2 and a pointer to --help", () => {
  test.each([["0"], ["11"], ["abc"], ["2.5"], ["-1"]])("--limit %s", async (limit) => {
    expect(await lineage(["tree", "my-sandbox", `--limit=${limit}`])).toEqual(usageError(`--limit must be a whole number from 1 to 10 (got "${limit}")`));
  });

  test.each([
    [["tree"], "missing <sandbox-or-snapshot>"],
    [["tree", "a", "b"], 'unexpected argument "b"'],
    [["tree", "my-sandbox", "--bogus"], "unknown option --bogus"],
    [["tree", "my-sandbox", "--direction", "up"], '--direction must be asc or desc (got "up")'],
    [["tree", "my-sandbox", "--cursor", "snap_4c9b79cc"], "--cursor needs --direction asc|desc (a cursor continues one direction)"],
    [["tree", "my-sandbox", "--as-of", "yesterday"], '--as-of must be an ISO-8601 date-time or YYYY-MM-DD (got "yesterday")'],
    [["tree", "my-sandbox", "--as-of", "2026-02-30"], '--as-of must be a real date (got "2026-02-30")'],
    [["tree", "my-sandbox", "--root", "--as-of", "2026-01-01"], "--root and --as-of pick the start two ways; give one"],
  ])("lineage %j", async (args, message) => {
    expect(await lineage(args)).toEqual(usageError(message));
  });

  test("an unknown command points to the main help", async () => {
    expect(await lineage(["frobnicate"])).toEqual({ code: 2, stdout: "", stderr: 'error: unknown command "frobnicate"\nRun "lineage --help" for usage.\n' });
  });

  test("no token is refused before any request", async () => {
    expect(await lineage(["tree", "my-sandbox"], { token: null })).toEqual(usageError("no token: pass --token or set LINEAGE_TOKEN"));
  });

  test("patches attach refuses an empty script, and names a script file it cannot read", async () => {
    expect(await lineage(["patches", "attach", "my-env"], { stdin: "  \n" })).toEqual(usageError("the script is empty", "patches attach"));
    expect(await lineage(["patches", "attach", "my-env", "--file", "/nonexistent/fix.sh"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: cannot read /nonexistent/fix.sh: ENOENT\n",
    });
  });
});

test("an unreachable server names the URL that failed", async () => {
  expect(await lineage(["tree", "my-sandbox"])).toEqual({
    code: 1,
    stdout: "",
    stderr: `error: could not reach ${url}/api/sandboxes/my-sandbox (ECONNREFUSED)\n`,
  });
});
