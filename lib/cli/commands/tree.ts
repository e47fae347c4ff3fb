import { z } from "zod";
import { checkOption, parse, positionals } from "../args";
import { UsageError } from "../errors";
import { renderTree, type Direction, type TreeView } from "../render/tree";
import { resolveAnchor } from "../resolve";
import { openSession, type Io } from "../session";

export const treeHelp = `Usage: lineage tree <sandbox-or-snapshot> [options]

Shows the snapshot lineage around a sandbox's current snapshot (or a snapshot),
newest at the top: descendants above, ancestors below, sibling sandboxes beside.
A name is looked up as a sandbox first, then as a snapshot; pass the snap_… id
to pick a snapshot that shares its name with a sandbox.

Options:
  --limit N              snapshots per direction, 1 to 10 (default 10)
  --direction asc|desc   one direction only: asc = descendants, desc = ancestors
  --cursor ID            continue after ID (from a "More …" hint); needs --direction
  --json                 print the API pages as JSON: {"desc": page, "asc": page}
  --url URL              Lineage server (default $LINEAGE_URL or http://localhost:3000)
  --token TOKEN          API token (default $LINEAGE_TOKEN)
  -h, --help             show this help
`;

const limit = z.string().regex(/^([1-9]|10)$/, "must be a whole number from 1 to 10").transform(Number);
const direction = z.enum(["asc", "desc"], { error: "must be asc or desc" });

export async function runTree(args: string[], io: Io): Promise<void> {
  const { values, positionals: given } = parse("tree", args, {
    limit: { type: "string" },
    direction: { type: "string" },
    cursor: { type: "string" },
  });
  if (values.help) return void io.stdout.write(treeHelp);
  const [ref] = positionals("tree", given, ["sandbox-or-snapshot"]) as [string];
  const pageSize = values.limit === undefined ? 10 : checkOption("tree", "limit", limit, values.limit);
  const only = values.direction === undefined ? undefined : checkOption("tree", "direction", direction, values.direction);
  if (values.cursor !== undefined && only === undefined) {
    throw new UsageError("--cursor needs --direction asc|desc (a cursor continues one direction)", "tree");
  }
  const session = openSession("tree", values, io);

  const snapshotId = await resolveAnchor(session.client, ref);
  const fetchPage = (sortOrder: Direction) => session.client.tree({ snapshotId, sortOrder, limit: pageSize, cursor: values.cursor });
  const [ancestors, descendants] = await Promise.all([
    only === "asc" ? undefined : fetchPage("desc"),
    only === "desc" ? undefined : fetchPage("asc"),
  ]);
  // JSON leaves out the direction not fetched.
  session.show({ desc: ancestors, asc: descendants }, ({ desc, asc }) => {
    const view: TreeView = { ref, limit: pageSize, url: values.url, anchored: values.cursor === undefined, ancestors: desc, descendants: asc };
    return renderTree(view, session);
  });
}
