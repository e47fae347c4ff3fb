import { ApiRequestError, NetworkError } from "../client";
import { runPatches } from "./commands/patches";
import { runSandbox } from "./commands/sandbox";
import { runSandboxes } from "./commands/sandboxes";
import { runTree } from "./commands/tree";
import { CliError, UsageError } from "./errors";
import type { Io } from "./session";
import { terminalSafe } from "./terminal-safe";

export const mainHelp = `Usage: lineage <command> [options]

A terminal client for Lineage: snapshot lineage and patches.

Commands:
  tree <sandbox-or-snapshot>           the lineage around it, newest at the top
  sandbox <name-or-id>                 a sandbox and the state of its patches
  sandboxes <snapshot>                 the fleet of a snapshot: counts, then its sandboxes
  patches ls <snapshot>                the patches of a snapshot
  patches attach <snapshot>            attach a script (--file or stdin) as a patch
  patches rm <snapshot> <patchId>      remove a patch

Every command takes --url (default $LINEAGE_URL or http://localhost:3000),
--token (default $LINEAGE_TOKEN), --json and --help.
Exit codes: 0 success, 1 the request failed, 2 the command line is wrong.
`;

const commands: Record<string, (args: string[], io: Io) => Promise<void>> = {
  tree: runTree,
  sandbox: runSandbox,
  sandboxes: runSandboxes,
  patches: runPatches,
};

/** Runs one command line; returns the exit code. Every expected failure is one line on stderr. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === "--help" || name === "-h" || name === "help") io.stdout.write(mainHelp);
    else {
      const command = name === undefined ? undefined : commands[name];
      if (!command) throw new UsageError(name === undefined ? "missing command" : `unknown command "${name}"`);
      await command(rest, io);
    }
    return 0;
  } catch (err) {
    const { line, exitCode } = describe(err);
    io.stderr.write(`error: ${terminalSafe(line)}\n`);
    if (err instanceof UsageError) io.stderr.write(`Run "lineage ${err.command ?? ""}${err.command ? " " : ""}--help" for usage.\n`);
    return exitCode;
  }
}

function describe(err: unknown): { line: string; exitCode: number } {
  if (err instanceof CliError) return { line: err.message, exitCode: err.exitCode };
  if (err instanceof ApiRequestError) return { line: `${err.code}: ${err.message}`, exitCode: 1 };
  if (err instanceof NetworkError) return { line: `could not reach ${err.url} (${networkReason(err.cause)})`, exitCode: 1 };
  throw err;
}

// fetch reports "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is on its cause.
function networkReason(cause: unknown): string {
  const inner = cause instanceof Error ? (cause.cause as { code?: string; message?: string } | undefined) : undefined;
  return inner?.code ?? inner?.message ?? (cause instanceof Error ? cause.message : String(cause));
}
