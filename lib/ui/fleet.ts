/**
 * What the fleet views show, from the API's exact counts: the group node's summary, the list's
 * chips and query, a patch's rollout bar, and moving through the list by keyboard. Framework-free.
 */
import { groupDigits } from "../group-digits";
import { patchStates, sandboxStates, sandboxStatuses, type FleetState, type SandboxStatus } from "../contract/enums";
import type { FleetFilters, Rollout } from "../client";

/** The API's exact counts, read by name (FleetCounts names every state and status). */
export type CountsLike = { total: number; state: Partial<Record<string, number>>; status: Partial<Record<string, number>> };

/** Grouped the same way on the server render and in every browser ("120,345"). */
export const formatCount = (n: number) => groupDigits(n, ",");

export const stateLabels: Record<string, string> = {
  upToDate: "up to date",
  pending: "pending",
  failed: "failed",
  applied: "applied",
  blocked: "blocked",
};

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "120,345 sandboxes · 45 failed · 300 pending"; "· all up to date" when nothing waits or failed. */
export function fleetSummary(counts: CountsLike): string {
  const total = plural(counts.total, "sandbox", "sandboxes");
  const failed = counts.state.failed ?? 0;
  const pending = counts.state.pending ?? 0;
  if (counts.total === 0) return total;
  const parts = [failed > 0 && `${formatCount(failed)} failed`, pending > 0 && `${formatCount(pending)} pending`].filter(Boolean);
  return [total, ...(parts.length ? parts : ["all up to date"])].join(" · ");
}

/** The fleet list's filters as the URL holds them (null: not set). */
export type FleetUrl = { state: FleetState | null; status: SandboxStatus | null; q: string | null; patch: string | null };

/** The list's filters as the URL holds them, as the API takes them. */
export function fleetFilters(url: FleetUrl): FleetFilters {
  const out: FleetFilters = {};
  if (url.state) out.state = url.state;
  if (url.status) out.status = url.status;
  if (url.q?.trim()) out.q = url.q.trim();
  if (url.patch) out.patch = url.patch;
  return out;
}

/** The CSV download of exactly what the list shows (every page of it). */
export function fleetCsvHref(ref: string, filters: FleetFilters): string {
  const params = new URLSearchParams(Object.entries({ ...filters, format: "csv" }).filter((e): e is [string, string] => typeof e[1] === "string"));
  return `/api/snapshots/${encodeURIComponent(ref)}/sandboxes?${params}`;
}

export type Chip = { value: string; label: string; count: number };

/**
 * The chips of one filter, each with its exact count. States are the per-patch ones when the list
 * is relative to a patch. Values no sandbox has are left out, unless selected (so it can be cleared).
 */
export function fleetChips(counts: CountsLike, kind: "state" | "status", relativeToPatch: boolean, selected: string | null): Chip[] {
  const values: readonly string[] = kind === "status" ? sandboxStatuses : relativeToPatch ? patchStates : sandboxStates;
  const byValue = counts[kind];
  return values
    .map((value) => ({ value, label: kind === "state" ? (stateLabels[value] ?? value) : value, count: byValue[value] ?? 0 }))
    .filter((chip) => chip.count > 0 || chip.value === selected);
}

export type RolloutSegment = { state: "applied" | "pending" | "blocked" | "failed"; count: number; percent: number };

/** The rollout bar's parts, in the order a run goes through them; empty parts are left out. */
export function rolloutSegments(rollout: Rollout): RolloutSegment[] {
  const order = ["applied", "pending", "blocked", "failed"] as const;
  if (rollout.total === 0) return [];
  return order
    .map((state) => ({ state, count: rollout[state], percent: (rollout[state] / rollout.total) * 100 }))
    .filter((s) => s.count > 0);
}

/** "3 of 5,000 applied · 2 failed": the bar's words, for its label and for screen readers. */
export function rolloutSummary(rollout: Rollout): string {
  const rest = (["pending", "blocked", "failed"] as const).filter((s) => rollout[s] > 0).map((s) => `${formatCount(rollout[s])} ${s}`);
  return [`${formatCount(rollout.applied)} of ${formatCount(rollout.total)} applied`, ...rest].join(" · ");
}

/**
 * The row a key moves the list's cursor to, or null for keys the list does not handle. `loaded`
 * is how many rows are fetched so far; `page` how many fit on screen.
 */
export function nextListIndex(current: number, key: string, loaded: number, page: number): number | null {
  if (loaded === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(loaded - 1, i));
  switch (key) {
    case "ArrowDown":
      return clamp(current + 1);
    case "ArrowUp":
      return clamp(current - 1);
    case "PageDown":
      return clamp(current + page);
    case "PageUp":
      return clamp(current - page);
    case "Home":
      return 0;
    case "End":
      return loaded - 1;
    default:
      return null;
  }
}

/**
 * What changed in a fleet since its list was loaded, from the list's counts and the live ones:
 * how many sandboxes arrived, and whether any moved between states or statuses. Null when nothing did.
 */
export function fleetChange(listed: CountsLike, live: CountsLike): { added: number } | null {
  const same = (a: Partial<Record<string, number>>, b: Partial<Record<string, number>>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
  if (listed.total === live.total && same(listed.state, live.state) && same(listed.status, live.status)) return null;
  return { added: Math.max(0, live.total - listed.total) };
}
