import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import type { PatchState, SandboxState, SandboxStatus } from "../contract/enums";
import { NAME_PATTERN } from "../contract/fields";
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
 * goes to prefixPage. The key (created_at, id) never changes once a sandbox exists, so a walk
 * sees each sandbox once; sandboxes that arrive during the walk are newer than the cursor and
 * land before it.
 */
export async function fleetRows(db: Executor, plan: FleetPlan, after: FleetKey | null, limit: number): Promise<FleetRow[]> {
  const statement = fleetRowsSql(plan, after, limit);
  return statement ? rows<FleetRow>(db, statement) : [];
}

/** The statement of fleetRows (FleetRow columns, newest first); null when no group matches. */
export function fleetRowsSql(plan: FleetPlan, after: FleetKey | null, limit: number): SQL | null {
  if (plan.matching?.length === 0) return null;
  const conditions: SQL[] = [sql`b.based_on_snapshot_id = ${plan.snapshotId}`];
  if (after) conditions.push(sql`(b.created_at, b.id) < (timestamptz 'epoch' + ${after.createdUs}::bigint * interval '1 microsecond', ${after.id})`);
  return plan.prefix === null ? newestWalk(plan, conditions, limit, columns) : prefixPage(plan, conditions, limit);
}

const inGroup = (g: FleetGroup) =>
  sql`b.status = ${g.status} AND b.last_patch_sequence = ${g.lastPatchSequence} AND b.failed_at_sequence = ${g.failedAtSequence}`;

/** `select` of the first `limit` rows meeting `conditions`, newest first: through the fleet, or through each matching group's range, merged. */
function newestWalk(plan: FleetPlan, conditions: SQL[], limit: number, select: SQL): SQL {
  const range = (extra: SQL[]) => sql`SELECT ${select} FROM sandboxes b WHERE ${sql.join([...conditions, ...extra], sql` AND `)} ${newestFirst} LIMIT ${limit}`;
  if (plan.matching === null) return range([]);
  const branches = plan.matching.map((g) => sql`(${range([inGroup(g)])})`);
  return sql`SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) page ${newestFirst} LIMIT ${limit}`;
}

/**
 * Which of a sandbox's keys `q` can be the start of. Ids are "sbx_" and url-safe characters, names
 * lowercase [a-z0-9-] (lib/contract/fields.ts): a `q` with "_" is only ever an id's start, one
 * that is neither "sbx_…" nor a start of "sbx_" only a name's.
 */
function prefixTargets(q: string) {
  return { id: q.startsWith(SANDBOX_ID_START) || SANDBOX_ID_START.startsWith(q), name: NAME_PATTERN.test(q) };
}
const SANDBOX_ID_START = "sbx_";
/**
 * sandboxes_fleet_id_bucket_idx orders each bucket of a fleet newest first, a bucket being the ids
 * that share their two characters after "sbx_" (lib/db/schema.ts writes the same expression).
 * Platforms give sandboxes random ids, so a bucket holds a few hundredths to thousandths of a fleet.
 */
const ID_BUCKET_END = SANDBOX_ID_START.length + 2;
const idBucket = (q: string) => sql`substr(b.id, 5, 2) = ${q.slice(SANDBOX_ID_START.length, ID_BUCKET_END)}`;
/** How many rows a walk looks at before the sorted plan takes over: 16 pages' worth. */
const WALK_PAGES = 16;

/**
 * A page of the sandboxes whose id or name starts with `q` (and in a matching group, when state
 * or status is filtered), newest first, in one statement with three plans, each taken only when
 * the one before cannot finish the page. No index orders a prefix's matches by time (the prefix
 * indexes are in "C" order, holding the walk's key and the group), and the planner cannot tell
 * how many match (it has no statistics for a "C"-collated range), so the statement decides as it
 * goes:
 *  1. Walk newest first, looking at no more than 16 pages' worth of rows: the page when at least
 *     a sixteenth of what it walks matches. For an id prefix that covers the id's bucket
 *     (`sbx_0a…`), the walk is the bucket's, where every row matches the bucket's own prefix;
 *     with a state or status filter, only such a walk (the bucket index holds the group).
 *  2. Else read the prefix's keys from the prefix indexes alone, in index order, no more than
 *     probe = √(limit × fleet) + 1 of them, and sort those of the matching groups newest first:
 *     the page when no more than probe match, which is the usual end of a search for a
 *     particular sandbox.
 *  3. Else many match, but not among the newest (or in the groups asked for): walk newest first,
 *     through the fleet or the matching groups' ranges, until the page is full: about limit ×
 *     fleet ÷ probe rows (per group) when the matches are spread over time and groups.
 * A page therefore reads about 16 × limit rows plus at most ~√(limit × fleet) keys twice (counted,
 * then read for the page; 7 200 for 50 rows of 1 M sandboxes), the last plan only for matches
 * that cluster. The walks match with
 * left() = q, which no index serves (starts_with would be planned on the prefix indexes, reading
 * every match), and look at the id alone when `q` cannot start a name, from the indexes alone.
 * Names never contain "_" and ids always start with "sbx_", so an id matching both ranges is
 * rare; the name range leaves out what the id range has.
 */
function prefixPage(plan: FleetPlan, conditions: SQL[], limit: number): SQL {
  const q = plan.prefix!;
  const targets = prefixTargets(q);
  if (!targets.id && !targets.name) return sql`SELECT ${columns} FROM sandboxes b WHERE false`;
  const fleet = plan.groups.reduce((n, g) => n + g.sandboxes, 0);
  const probe = Math.ceil(Math.sqrt(limit * fleet));
  const prefix = prefixRange(q);
  const where = (...match: SQL[]) => sql.join([...conditions, ...match], sql` AND `);
  const starts = (column: SQL) => sql`left(${column}, ${q.length}) = ${q}`;
  const matches = sql.join([...(targets.id ? [starts(sql`b.id`)] : []), ...(targets.name ? [starts(sql`b.name`)] : [])], sql` OR `);
  const keys = sql`b.id, b.created_at`;
  const group = sql`b.status, b.last_patch_sequence, b.failed_at_sequence`;
  const inMatchingGroup = plan.matching === null ? sql`true` : sql.join(plan.matching.map((g) => sql`(${inGroup(g)})`), sql` OR `);
  const bucket = q.startsWith(SANDBOX_ID_START) && q.length >= ID_BUCKET_END ? [idBucket(q)] : [];
  const firstWalk = plan.matching === null || bucket.length > 0;
  const walk = sql`walk AS (
      SELECT b.id, b.created_at FROM (
        SELECT ${keys}${plan.matching ? sql`, ${group}` : sql``}${targets.name ? sql`, b.name` : sql``} FROM sandboxes b WHERE ${where(...bucket)} ${newestFirst} LIMIT ${WALK_PAGES * limit}
      ) b WHERE (${matches}) AND (${inMatchingGroup}) LIMIT ${limit}),
    walked AS (SELECT count(*) AS n FROM walk),`;
  const needKeys = firstWalk ? sql`(SELECT n FROM walked) < ${limit}` : sql`true`;
  // The prefix ranges in index order, at most probe + 1 keys each: counted first, read again for the page only if that was all.
  const probed = (select: SQL) => {
    const range = (column: SQL, ...match: SQL[]) =>
      sql`(SELECT ${select} FROM sandboxes b WHERE ${needKeys} AND ${where(...match)} ORDER BY ${column} COLLATE "C" LIMIT ${probe + 1})`;
    const idMatch = inRange(sql`b.id`, prefix);
    return sql.join(
      [...(targets.id ? [range(sql`b.id`, idMatch)] : []), ...(targets.name ? [range(sql`b.name`, inRange(sql`b.name`, prefix), sql`NOT ${idMatch}`)] : [])],
      sql` UNION ALL `,
    );
  };
  return sql`WITH ${firstWalk ? walk : sql``}
    counted AS (SELECT count(*) AS n FROM (${probed(sql`1`)}) k)
    SELECT ${columns} FROM (
      ${firstWalk ? sql`(SELECT id, created_at FROM walk WHERE (SELECT n FROM walked) = ${limit}) UNION ALL` : sql``}
      (SELECT id, created_at FROM (${probed(sql`${keys}, ${group}`)}) b
        WHERE (SELECT n FROM counted) <= ${probe} AND (${inMatchingGroup}) ${newestFirst} LIMIT ${limit})
      UNION ALL
      (SELECT id, created_at FROM (${newestWalk(plan, [...conditions, sql`(${matches})`], limit, keys)}) w WHERE (SELECT n FROM counted) > ${probe})
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
