import { z } from "zod";
import { checkOption, parse, positionals } from "../args";
import { UsageError } from "../errors";
import { renderTree, type Direction, type TreeView } from "../render/tree";
import { resolveAnchor } from "../resolve";
import { openSession, type Io, type Session } from "../session";
import { readServerSentEvents } from "../../events/sse-reader";

export const treeHelp = `Usage: lineage tree <sandbox-or-snapshot> [options]

Shows the snapshot lineage around a sandbox's current snapshot (or a snapshot),
newest at the top: descendants above, ancestors below, sibling sandboxes beside.
Each snapshot shows its generation ("gen N": N snapshots below its root).
A name is looked up as a sandbox first, then as a snapshot; pass the snap_… id
to pick a snapshot that shares its name with a sandbox.

Options:
  --limit N              snapshots per direction, 1 to 10 (default 10)
  --direction asc|desc   one direction only: asc = descendants, desc = ancestors
  --cursor ID            continue after ID (from a "More …" hint); needs --direction
  --root                 start from the root of the chain (generation 0)
  --as-of DATE           start from the newest snapshot on the chain created at or
                         before DATE (ISO-8601 date-time, or YYYY-MM-DD: the end of that
                         day, UTC)
  --json                 print the API pages as JSON: {"desc": page, "asc": page}
  --watch                keep running and print the tree again whenever that part
                         of the lineage changes (Ctrl-C to stop)
  --url URL              Lineage server (default $LINEAGE_URL or http://localhost:3000)
  --token TOKEN          API token (default $LINEAGE_TOKEN)
  -h, --help             show this help
`;

const limit = z.string().regex(/^([1-9]|10)$/, "must be a whole number from 1 to 10").transform(Number);
const direction = z.enum(["asc", "desc"], { error: "must be asc or desc" });
// A day alone means its last moment: "as of Tuesday" includes what Tuesday made.
const asOf = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be an ISO-8601 date-time or YYYY-MM-DD")
  .refine((s) => {
    const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
  }, "must be a real date")
  .transform((s) => new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s).toISOString());

export async function runTree(args: string[], io: Io): Promise<void> {
  const { values, positionals: given } = parse("tree", args, {
    limit: { type: "string" },
    direction: { type: "string" },
    cursor: { type: "string" },
    root: { type: "boolean" },
    "as-of": { type: "string" },
    watch: { type: "boolean" },
  });
  if (values.help) return void io.stdout.write(treeHelp);
  const [ref] = positionals("tree", given, ["sandbox-or-snapshot"]) as [string];
  const pageSize = values.limit === undefined ? 10 : checkOption("tree", "limit", limit, values.limit);
  const only = values.direction === undefined ? undefined : checkOption("tree", "direction", direction, values.direction);
  if (values.cursor !== undefined && only === undefined) {
    throw new UsageError("--cursor needs --direction asc|desc (a cursor continues one direction)", "tree");
  }
  const asOfDate = values["as-of"] === undefined ? undefined : checkOption("tree", "as-of", asOf, values["as-of"]);
  if (values.root && asOfDate !== undefined) throw new UsageError("--root and --as-of pick the start two ways; give one", "tree");
  const session = openSession("tree", values, io);

  const resolved = await resolveAnchor(session.client, ref);
  const reanchored = values.root || asOfDate !== undefined;
  const snapshotId = reanchored
    ? (await session.client.ancestor(resolved, asOfDate === undefined ? { depth: "0" } : { asOf: asOfDate })).snapshot.id
    : resolved;
  const fetchPage = (sortOrder: Direction) => session.client.tree({ snapshotId, sortOrder, limit: pageSize, cursor: values.cursor });
  const show = async () => {
    const [ancestors, descendants] = await Promise.all([
      only === "asc" ? undefined : fetchPage("desc"),
      only === "desc" ? undefined : fetchPage("asc"),
    ]);
    // JSON leaves out the direction not fetched.
    // Hints continue from the snapshot the view starts at, so their cursors stay on its walk.
    const viewRef = reanchored ? snapshotId : ref;
    session.show({ desc: ancestors, asc: descendants }, ({ desc, asc }) => {
      const view: TreeView = { ref: viewRef, limit: pageSize, url: values.url, anchored: values.cursor === undefined, ancestors: desc, descendants: asc };
      return renderTree(view, session);
    });
  };
  if (values.watch) await watchChanges(session, `snapshot=${encodeURIComponent(snapshotId)}`, show);
  else await show();
}

const RECONNECT_MS = 2_000;

/**
 * Runs `onChange` once the event stream is open (so no change slips in between the first print and
 * the subscription), then after each change it reports (several at once count as one), until the
 * process is stopped. A dropped stream is reopened where it left off.
 */
async function watchChanges(session: Session, query: string, onChange: () => Promise<void>): Promise<never> {
  let lastEventId: string | null = null;
  for (;;) {
    try {
      const res = await session.openEvents(query, lastEventId);
      if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
      let pending: Promise<void> | undefined;
      for await (const event of readServerSentEvents(res.body)) {
        lastEventId = event.id ?? lastEventId;
        if (event.event === "ready") await onChange();
        else pending ??= new Promise((r) => setTimeout(r, 200))
          .then(onChange)
          .finally(() => (pending = undefined));
      }
    } catch {
      // Unreachable or refused for now: try again shortly.
    }
    await new Promise((r) => setTimeout(r, RECONNECT_MS));
  }
}
