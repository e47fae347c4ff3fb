import fs from "node:fs/promises";
import { parse, positionals } from "../args";
import { CliError, UsageError } from "../errors";
import { renderAttached, renderPatchList, renderRemoved } from "../render/patches";
import { openSession, type Io } from "../session";

const connection = `  --json                 print the API answer as JSON
  --url URL              Lineage server (default $LINEAGE_URL or http://localhost:3000)
  --token TOKEN          API token (default $LINEAGE_TOKEN; attach and rm need an editor token)
  -h, --help             show this help
`;

export const patchesHelp = `Usage: lineage patches <command> [options]

Patches are scripts attached to a snapshot. Each reaches the sandboxes started
from that snapshot, on their next wake (one level deep: never snapshots taken
of them, nor sandboxes started from those).

Commands:
  ls <snapshot> [--all]                   list its patches in sequence order
  attach <snapshot> [--file F | stdin]    attach a script as a new patch
  rm <snapshot> <patchId>                 remove a patch (it is kept for history)

Run "lineage patches <command> --help" for its options.
`;

const lsHelp = `Usage: lineage patches ls <snapshot> [--all]

Lists the live patches of a snapshot (id or name) in sequence order.

Options:
  --all                  include removed patches
${connection}`;

const attachHelp = `Usage: lineage patches attach <snapshot> [--file F] [--description D] [--idempotency-key K]

Attaches a script to a snapshot (id or name) as its next patch, and prints the
sandboxes it will reach. The script comes from --file, or from stdin.

Options:
  -f, --file F           read the script from F ("-" for stdin)
  --description D        what the patch does (up to 1000 characters)
  --idempotency-key K    retrying with the same key and script never attaches twice
${connection}`;

const rmHelp = `Usage: lineage patches rm <snapshot> <patchId>

Removes a patch from a snapshot: it is never applied again, and kept for history.

Options:
${connection}`;

async function ls(args: string[], io: Io) {
  const { values, positionals: given } = parse("patches ls", args, { all: { type: "boolean" } });
  if (values.help) return void io.stdout.write(lsHelp);
  const [snapshot] = positionals("patches ls", given, ["snapshot"]) as [string];
  const session = openSession("patches ls", values, io);
  const { patches } = await session.client.listPatches(snapshot, { includeRemoved: values.all });
  session.show({ patches }, (safe) => renderPatchList(snapshot, safe.patches, session, values.all === true));
}

async function attach(args: string[], io: Io) {
  const { values, positionals: given } = parse("patches attach", args, {
    file: { type: "string", short: "f" },
    description: { type: "string" },
    "idempotency-key": { type: "string" },
  });
  if (values.help) return void io.stdout.write(attachHelp);
  const [snapshot] = positionals("patches attach", given, ["snapshot"]) as [string];
  const script = await readScript(values.file, io);
  const session = openSession("patches attach", values, io);
  const input = { script, ...(values.description !== undefined && { description: values.description }) };
  const result = await session.client.attachPatch(snapshot, input, values["idempotency-key"]);
  session.show(result, (safe) => renderAttached(safe, snapshot));
}

/** The script from --file, or from stdin when it is piped (never waits on a terminal). */
async function readScript(file: string | undefined, io: Io): Promise<string> {
  let script: string;
  if (file !== undefined && file !== "-") {
    try {
      script = await fs.readFile(file, "utf8");
    } catch (err) {
      throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  } else {
    if (io.stdin.isTTY) throw new UsageError("no script: pass --file F or pipe the script on stdin", "patches attach");
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk));
    script = Buffer.concat(chunks).toString("utf8");
  }
  if (script.trim() === "") throw new UsageError("the script is empty", "patches attach");
  return script;
}

async function rm(args: string[], io: Io) {
  const { values, positionals: given } = parse("patches rm", args, {});
  if (values.help) return void io.stdout.write(rmHelp);
  const [snapshot, patchId] = positionals("patches rm", given, ["snapshot", "patchId"]) as [string, string];
  const session = openSession("patches rm", values, io);
  const { patch } = await session.client.removePatch(snapshot, patchId);
  session.show({ patch }, (safe) => renderRemoved(safe.patch, snapshot));
}

const subcommands: Record<string, (args: string[], io: Io) => Promise<void>> = { ls, attach, rm };

export async function runPatches(args: string[], io: Io): Promise<void> {
  const [name, ...rest] = args;
  if (name === "--help" || name === "-h") return void io.stdout.write(patchesHelp);
  const sub = name === undefined ? undefined : subcommands[name];
  if (!sub) throw new UsageError(name === undefined ? "missing command: ls, attach or rm" : `unknown command "patches ${name}" (ls, attach or rm)`, "patches");
  await sub(rest, io);
}
