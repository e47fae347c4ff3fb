/**
 * A snapshot's fleet as fleet_counts keeps it: how many sandboxes sit in each
 * (status, lastPatchSequence, failedAtSequence) group. Every state, count, rollout and reach
 * derives from these groups and the snapshot's patches, so answering costs the number of groups
 * (a few dozen), never the number of sandboxes. Framework-free.
 */
import type { PatchState, SandboxState, SandboxStatus } from "../contract/enums";
import { patchStates, sandboxStates, sandboxStatuses } from "../contract/enums";

export type FleetGroup = { status: SandboxStatus; lastPatchSequence: number; failedAtSequence: number; sandboxes: number };

/** The snapshot's live patch sequences, which decide whether a recorded failure still counts. */
export type LivePatches = { sequences: ReadonlySet<number>; max: number };

export const livePatches = (sequences: number[]): LivePatches => ({
  sequences: new Set(sequences),
  max: sequences.reduce((a, b) => Math.max(a, b), 0),
});

/** The live patch a sandbox's last run failed at, or null (a removed patch's failure no longer holds it back). */
export function liveFailure(g: Pick<FleetGroup, "lastPatchSequence" | "failedAtSequence">, live: LivePatches): number | null {
  const f = g.failedAtSequence;
  return f > g.lastPatchSequence && live.sequences.has(f) ? f : null;
}

/** State against the snapshot's live patches: failed wins over pending, pending over up to date. */
export function sandboxState(g: Pick<FleetGroup, "lastPatchSequence" | "failedAtSequence">, live: LivePatches): SandboxState {
  if (liveFailure(g, live) !== null) return "failed";
  return live.max > g.lastPatchSequence ? "pending" : "upToDate";
}

/** State against one patch of sequence `sequence` (SPEC §1): applied, failed there, blocked behind an earlier failure, pending. */
export function patchState(g: Pick<FleetGroup, "lastPatchSequence" | "failedAtSequence">, sequence: number, live: LivePatches): PatchState {
  if (g.lastPatchSequence >= sequence) return "applied";
  if (g.failedAtSequence === sequence) return "failed";
  const failure = liveFailure(g, live);
  return failure !== null && failure < sequence ? "blocked" : "pending";
}

/** Which state a group is in: against the live patches, or against one patch when `patchSequence` is given. */
export const groupState = (g: FleetGroup, live: LivePatches, patchSequence: number | null): SandboxState | PatchState =>
  patchSequence === null ? sandboxState(g, live) : patchState(g, patchSequence, live);

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export type FleetCounts = {
  total: number;
  state: Record<SandboxState, number> | Record<PatchState, number>;
  status: Record<SandboxStatus, number>;
};

/** Total, by state (every state named, zeros included) and by status. */
export function fleetCounts(groups: FleetGroup[], live: LivePatches, patchSequence: number | null): FleetCounts {
  const state: Record<string, number> = patchSequence === null ? zeros(sandboxStates) : zeros(patchStates);
  const status = zeros(sandboxStatuses);
  let total = 0;
  for (const g of groups) {
    total += g.sandboxes;
    state[groupState(g, live, patchSequence)]! += g.sandboxes;
    status[g.status] += g.sandboxes;
  }
  return { total, state: state as FleetCounts["state"], status };
}

export type Rollout = { total: number } & Record<PatchState, number>;

/** How one patch rolled out over the fleet. */
export function rollout(groups: FleetGroup[], sequence: number, live: LivePatches): Rollout {
  const out: Rollout = { total: 0, ...zeros(patchStates) };
  for (const g of groups) {
    out.total += g.sandboxes;
    out[patchState(g, sequence, live)] += g.sandboxes;
  }
  return out;
}
