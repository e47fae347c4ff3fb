import { parse, positionals } from "../args";
import { renderSandbox } from "../render/sandbox";
import { openSession, type Io } from "../session";

export const sandboxHelp = `Usage: lineage sandbox <name-or-id> [options]

Shows a sandbox: status, base and current snapshot, and every live patch of its
base snapshot with its state there (applied, pending, failed with the output).

Options:
  --json                 print the API answer as JSON
  --url URL              Lineage server (default $LINEAGE_URL or http://localhost:3000)
  --token TOKEN          API token (default $LINEAGE_TOKEN)
  -h, --help             show this help
`;

export async function runSandbox(args: string[], io: Io): Promise<void> {
  const { values, positionals: given } = parse("sandbox", args, {});
  if (values.help) return void io.stdout.write(sandboxHelp);
  const [ref] = positionals("sandbox", given, ["name-or-id"]) as [string];
  const session = openSession("sandbox", values, io);
  const result = await session.client.sandboxPatches(ref);
  if (values.json) return session.show(result, () => "");
  // People read snapshots by name where they have one: one lookup per snapshot shown.
  const { basedOnSnapshotId, currentSnapshotId } = result.sandbox;
  const ids = [...new Set([basedOnSnapshotId, currentSnapshotId].filter((id): id is string => id !== null))];
  const names = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await session.client.snapshot(id)).snapshot.name] as const)));
  session.show({ ...result, names }, (safe) => renderSandbox(safe, session));
}
