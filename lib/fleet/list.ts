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
 * adds a "C"-collation range on id or name, which the planner serves from the prefix indexes
 * (sandboxes_fleet_id/name_prefix_idx: a BitmapOr, then a top-N sort of the matches) when the
 * prefix is selective, else as a filter on the newest-first range.
 * The key (created_at, id) never changes once a sandbox exists, so a walk sees each sandbox once;
 * sandboxes that arrive during the walk are newer than the cursor and land before it.
 */
export async function fleetRows(db: Executor, plan: FleetPlan, after: FleetKey | null, limit: number): Promise<FleetRow[]> {
  if (plan.matching?.length === 0) return [];
  const conditions: SQL[] = [sql`b.based_on_snapshot_id = ${plan.snapshotId}`];
  if (after) {
    conditions.push(sql`(b.created_at, b.id) < (timestamptz 'epoch' + ${after.createdUs}::bigint * interval '1 microsecond', ${after.id})`);
  }
  if (plan.prefix !== null) {
    // A prefix as a byte range in the "C" collation (q is ASCII: its last character + 1 bounds it),
    // the form the prefix indexes serve; LIKE with an OR across id and name was planned as a scan.
    const [low, high] = [plan.prefix, plan.prefix.slice(0, -1) + String.fromCharCode(plan.prefix.charCodeAt(plan.prefix.length - 1) + 1)];
    conditions.push(sql`((b.id COLLATE "C" >= ${low} AND b.id COLLATE "C" < ${high}) OR (b.name COLLATE "C" >= ${low} AND b.name COLLATE "C" < ${high}))`);
  }
  const range = (extra: SQL[]) =>
    sql`SELECT ${columns} FROM sandboxes b WHERE ${sql.join([...conditions, ...extra], sql` AND `)} ${newestFirst} LIMIT ${limit}`;
  if (plan.matching === null) return rows<FleetRow>(db, range([]));
  const branches = plan.matching.map(
    (g) =>
      sql`(${range([
        sql`b.status = ${g.status}`,
        sql`b.last_patch_sequence = ${g.lastPatchSequence}`,
        sql`b.failed_at_sequence = ${g.failedAtSequence}`,
      ])})`,
  );
  return rows<FleetRow>(db, sql`SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) page ${newestFirst} LIMIT ${limit}`);
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
