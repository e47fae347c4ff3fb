import type { FleetFilters } from "../../client";
import { fleetQuery } from "../../contract/fleet";
import { FLEET_PAGE_MAX } from "../../contract/limits";
import { parse, positionals } from "../args";
import { UsageError } from "../errors";
import { renderFleetCounts, renderFleetRows } from "../render/fleet";
import { openSession, type Io } from "../session";

export const sandboxesHelp = `Usage: lineage sandboxes <snapshot> [--state S] [--status S] [--patch P] [--q PREFIX] [--all] [--csv]

The fleet of a snapshot (id or name): every sandbox started from it, newest first,
with exact counts by state and status. Prints the first page unless --all or --csv.

Options:
  --state S              upToDate, pending or failed; with --patch: applied, pending, blocked or failed
  --status S             a sandbox status (running, stopped, …)
  --patch P              a patch id of the snapshot: states are relative to it
  --q PREFIX             sandboxes whose id or name starts with PREFIX
  --limit N              rows on the first page (1-100, default 50)
  --all                  every matching sandbox, page after page
  --csv                  every matching sandbox as CSV (streamed)
  --json                 print the API answer as JSON (one page; with --all, one line per page)
  --url URL              Lineage server (default $LINEAGE_URL or http://localhost:3000)
  --token TOKEN          API token (default $LINEAGE_TOKEN)
  -h, --help             show this help
`;

const fleetOptions = {
  state: { type: "string" },
  status: { type: "string" },
  patch: { type: "string" },
  q: { type: "string" },
  limit: { type: "string" },
  all: { type: "boolean" },
  csv: { type: "boolean" },
} as const;

export async function runSandboxes(args: string[], io: Io): Promise<void> {
  const { values, positionals: given } = parse("sandboxes", args, fleetOptions);
  if (values.help) return void io.stdout.write(sandboxesHelp);
  const [snapshot] = positionals("sandboxes", given, ["snapshot"]) as [string];
  // The API's own query schema checks the options, so the CLI refuses exactly what the server would.
  const options: Record<string, string> = Object.fromEntries(Object.entries({ state: values.state, status: values.status, patch: values.patch, q: values.q, limit: values.limit }).filter((e): e is [string, string] => e[1] !== undefined));
  const parsed = fleetQuery.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = String(issue.path[0] ?? "state");
    throw new UsageError(`--${option} ${issue.message} (got "${options[option] ?? ""}")`, "sandboxes");
  }
  const query = parsed.data;
  const filters: FleetFilters = { state: query.state, status: query.status, patch: query.patch, q: query.q };
  const session = openSession("sandboxes", values, io);

  if (values.csv) {
    const reader = (await session.client.fleetCsv(snapshot, filters)).getReader();
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) io.stdout.write(decoder.decode(chunk.value, { stream: true }));
    return;
  }
  let cursor: string | undefined;
  let first = true;
  do {
    const page = await session.client.fleet(snapshot, { ...filters, limit: String(values.all ? FLEET_PAGE_MAX : query.limit), cursor });
    // With --all and --json, one JSON document per page.
    const isFirst = first;
    session.show(page, (safe) =>
      (isFirst ? renderFleetCounts(snapshot, safe.counts, query.patch) : "") +
      renderFleetRows(safe.sandboxes, session) +
      (!values.all && safe.pagination.next ? "More follow: --all lists every one, --csv exports them.\n" : ""),
    );
    first = false;
    cursor = values.all ? (page.pagination.next ?? undefined) : undefined;
  } while (cursor);
}
