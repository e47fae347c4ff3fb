import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import type { PatchState, SandboxState, SandboxStatus } from "../contract/enums";
import { notFound } from "../http/errors";
import { resolveSnapshotId } from "../lineage/snapshots";
import { iso } from "../lineage/views";
import { loadGroups, loadPatches } from "./counts";
import { decodeCursor, encodeCursor, type FleetKey } from "./cursor";
import { fleetCounts, groupState, liveFailure, type FleetCounts, type FleetGroup, type LivePatches } from "./groups";

export type FleetFilters = { state?: SandboxState | PatchState; status?: SandboxStatus; q?: string; patch?: string };

/** What a walk over one snapshot's fleet with one filter set needs, resolved once per request. */
export type FleetPlan = {
  snapshotId: string;
  /** Binds cursors to this snapshot and filter set. */
  scope: string;
  live: LivePatches;
  /** The sequence of `patch` when states are relative to it. */
  patchSequence: number | null;
  groups: FleetGroup[];
  /** The groups whose rows match state/status; null when neither is filtered (every row matches). */
  matching: FleetGroup[] | null;
  prefix: string | null;
};

export async function planFleet(db: Executor, ref: string, filters: FleetFilters): Promise<FleetPlan> {
  const snapshotId = await resolveSnapshotId(db, ref);
  const [groups, { all, live }] = await Promise.all([loadGroups(db, snapshotId), loadPatches(db, snapshotId)]);
  let patchSequence: number | null = null;
  if (filters.patch !== undefined) {
    const patch = all.find((p) => p.id === filters.patch);
    if (!patch) throw notFound("patch_not_found", `Snapshot ${ref} has no patch ${filters.patch}.`);
    patchSequence = patch.sequence;
  }
  const filtered = filters.state !== undefined || filters.status !== undefined;
  const matching = filtered
    ? groups.filter(
        (g) =>
          (filters.status === undefined || g.status === filters.status) &&
          (filters.state === undefined || groupState(g, live, patchSequence) === filters.state),
      )
    : null;
  const scope = JSON.stringify([snapshotId, filters.state ?? null, filters.status ?? null, filters.q ?? null, filters.patch ?? null]);
  return { snapshotId, scope, live, patchSequence, groups, matching, prefix: filters.q ?? null };
}

type FleetRow = {
  id: string;
  name: string | null;
  status: SandboxStatus;
  last_patch_sequence: number;
  failed_at_sequence: number;
  created_at: Date | string;
  updated_at: Date | string;
  created_us: string;
};

const columns = sql.raw(`b.id, b.name, b.status, b.last_patch_sequence, b.failed_at_sequence, b.created_at, b.updated_at,
  (extract(epoch FROM b.created_at) * 1000000)::bigint::text AS created_us`);
const newestFirst = sql.raw(`ORDER BY created_at DESC, id DESC`);

/** `q` as a byte range in the "C" collation: q is ASCII, so its last character + 1 bounds it. */
function prefixRange(prefix: string): [string, string] {
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}
const inRange = (column: SQL, [low, high]: [string, string]) => sql`(${column} COLLATE "C" >= ${low} AND ${column} COLLATE "C" < ${high})`;

/**
 * The next `limit` matching rows after `after`, newest first.
 *
 * Plan: without a state/status filter, one range of sandboxes_based_on_newest_idx
 * (based_on_snapshot_id, created_at DESC, id DESC) from the cursor on. With one, the matching
 * groups come from fleet_counts (planFleet), and each group is one ordered range of
 * sandboxes_fleet_group_idx (snapshot, status, lastPatchSequence, failedAtSequence, created_at
 * DESC, id DESC) starting at the cursor; the ranges are UNION ALLed, each capped at `limit`, and
 * merged (Merge Append or a sort of at most groups × limit rows) under the outer LIMIT. A page
 * therefore reads at most limit rows per group, wherever the cursor is in the walk. A `q` prefix
 * alone goes to prefixPage; with a state/status filter it is a condition on each group's range.
 * The key (created_at, id) never changes once a sandbox exists, so a walk sees each sandbox once;
 * sandboxes that arrive during the walk are newer than the cursor and land before it.
 */
export async function fleetRows(db: Executor, plan: FleetPlan, after: FleetKey | null, limit: number): Promise<FleetRow[]> {
  const statement = fleetRowsSql(plan, after, limit);
  return statement ? rows<FleetRow>(db, statement) : [];
}

/** The statement of fleetRows (FleetRow columns, newest first); null when no group matches. */
export function fleetRowsSql(plan: FleetPlan, after: FleetKey | null, limit: number): SQL | null {
  if (plan.matching?.length === 0) return null;
  const beforeCursor = after
    ? sql`(b.created_at, b.id) < (timestamptz 'epoch' + ${after.createdUs}::bigint * interval '1 microsecond', ${after.id})`
    : null;
  if (plan.prefix !== null && plan.matching === null) return prefixPage(plan, beforeCursor, limit);
  const conditions: SQL[] = [sql`b.based_on_snapshot_id = ${plan.snapshotId}`];
  if (beforeCursor) conditions.push(beforeCursor);
  if (plan.prefix !== null) {
    const range = prefixRange(plan.prefix);
    conditions.push(sql`(${inRange(sql`b.id`, range)} OR ${inRange(sql`b.name`, range)})`);
  }
  const range = (extra: SQL[]) =>
    sql`SELECT ${columns} FROM sandboxes b WHERE ${sql.join([...conditions, ...extra], sql` AND `)} ${newestFirst} LIMIT ${limit}`;
  if (plan.matching === null) return range([]);
  const branches = plan.matching.map(
    (g) =>
      sql`(${range([
        sql`b.status = ${g.status}`,
        sql`b.last_patch_sequence = ${g.lastPatchSequence}`,
        sql`b.failed_at_sequence = ${g.failedAtSequence}`,
      ])})`,
  );
  return sql`SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) page ${newestFirst} LIMIT ${limit}`;
}

/**
 * A page of the sandboxes whose id or name starts with `q`, in one statement with two plans.
 * Newest first is not the order of the prefix indexes (sandboxes_fleet_id/name_prefix_idx:
 * snapshot, id or name in "C" order, then created_at and id), and no index has both, so a page
 * either sorts the matching keys (cost: the matches) or walks the newest-first range until
 * `limit` rows match (cost: limit ÷ the share of the fleet that matches). The planner cannot
 * choose: it has no statistics for a "C"-collated range (it guessed 9 900 matches for `sbx_0a`
 * at 1 M sandboxes instead of 3 800, and walked 12 000 rows). So the statement decides by
 * counting. It reads at most `probe` + 1 keys of each prefix range from the indexes alone
 * (index-only scans, in index order), and sorts them newest first while counting them (a window
 * count: one pass). If there were no more than `probe`, the first `limit` of them are the page,
 * and only those rows are read from the table. Else more than probe ÷ fleet of the fleet
 * matches, and the newest-first walk (starts_with, which no index serves, so it is never planned
 * otherwise) stops after about limit × fleet ÷ probe rows. With probe = √(limit × fleet) both
 * bounds are equal: a page reads at most ~2 √(limit × fleet) index entries, ~14 000 for 50 rows
 * of 1 M sandboxes, whatever the prefix. Names never contain "_" and ids always start with
 * "sbx_", so an id matching both ranges is rare; the name range leaves out what the id range has.
 */
function prefixPage(plan: FleetPlan, beforeCursor: SQL | null, limit: number): SQL {
  const fleet = plan.groups.reduce((n, g) => n + g.sandboxes, 0);
  const probe = Math.ceil(Math.sqrt(limit * fleet));
  const range = prefixRange(plan.prefix!);
  const where = (match: SQL) =>
    sql.join([sql`b.based_on_snapshot_id = ${plan.snapshotId}`, match, ...(beforeCursor ? [beforeCursor] : [])], sql` AND `);
  const keys = (column: SQL, match: SQL) =>
    sql`(SELECT b.id, b.created_at FROM sandboxes b WHERE ${where(match)} ORDER BY ${column} COLLATE "C" LIMIT ${probe + 1})`;
  const idMatch = inRange(sql`b.id`, range);
  return sql`WITH sorted AS (
      SELECT id, created_at, count(*) OVER () AS matches
      FROM (${keys(sql`b.id`, idMatch)} UNION ALL ${keys(sql`b.name`, sql`${inRange(sql`b.name`, range)} AND NOT ${idMatch}`)}) k
      ${newestFirst} LIMIT ${limit})
    SELECT ${columns} FROM (
      (SELECT id, created_at FROM sorted WHERE matches <= ${probe})
      UNION ALL
      (SELECT b.id, b.created_at FROM sandboxes b
        WHERE (SELECT coalesce(max(matches), 0) > ${probe} FROM sorted)
          AND ${where(sql`(starts_with(b.id, ${plan.prefix}) OR starts_with(b.name, ${plan.prefix}))`)}
        ${newestFirst} LIMIT ${limit})
    ) page JOIN sandboxes b ON b.id = page.id ORDER BY b.created_at DESC, b.id DESC`;
}

export function fleetSandboxView(r: FleetRow, plan: FleetPlan) {
  const group = { lastPatchSequence: r.last_patch_sequence, failedAtSequence: r.failed_at_sequence };
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    state: groupState({ ...group, status: r.status, sandboxes: 1 }, plan.live, plan.patchSequence),
    lastPatchSequence: r.last_patch_sequence,
    failedAtSequence: liveFailure(group, plan.live),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
export type FleetSandbox = ReturnType<typeof fleetSandboxView>;

export const keyOf = (r: FleetRow): FleetKey => ({ createdUs: r.created_us, id: r.id });

export type FleetPage = { sandboxes: FleetSandbox[]; counts: FleetCounts; pagination: { next: string | null } };

/** One page of a snapshot's fleet, with the counts of the whole fleet (from fleet_counts, exact). */
export async function listFleet(db: Executor, ref: string, filters: FleetFilters, limit: number, cursor?: string): Promise<FleetPage> {
  const plan = await planFleet(db, ref, filters);
  const after = cursor === undefined ? null : decodeCursor(plan.scope, cursor);
  // One extra row says whether another page follows.
  const list = await fleetRows(db, plan, after, limit + 1);
  const page = list.slice(0, limit);
  const last = page.at(-1);
  return {
    sandboxes: page.map((r) => fleetSandboxView(r, plan)),
    counts: fleetCounts(plan.groups, plan.live, plan.patchSequence),
    pagination: { next: list.length > limit && last ? encodeCursor(plan.scope, keyOf(last)) : null },
  };
}
