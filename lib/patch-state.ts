/** A sandbox's patch state in a few words, for the pages and the CLI alike. Framework-free. */
import type { PatchState as PatchStateOnPatch } from "./contract/enums";

export type PatchState = { lastPatchSequence: number; pendingPatches: number; failedAtSequence: number | null };
export type PatchTone = "ok" | "pending" | "failed" | "none";

/** A patch by number, with its description when one is known: "#2 (Pin Node.js to 20.20.2)". */
export const patchLabel = (sequence: number, description?: string | null) => (description ? `#${sequence} (${description})` : `#${sequence}`);

/**
 * A failure wins over pending, pending over applied: "failed at #2 (Pin Node.js)", "1 pending",
 * "patched to #3", "no patches". The failed patch's description is given when the caller knows it.
 */
export function summarizePatchState(s: PatchState, failedPatchDescription?: string | null): { label: string; tone: PatchTone } {
  if (s.failedAtSequence !== null) return { label: `failed at ${patchLabel(s.failedAtSequence, failedPatchDescription)}`, tone: "failed" };
  if (s.pendingPatches > 0) return { label: `${s.pendingPatches} pending`, tone: "pending" };
  if (s.lastPatchSequence > 0) return { label: `patched to #${s.lastPatchSequence}`, tone: "ok" };
  return { label: "no patches", tone: "none" };
}

/** The tone of each state a sandbox can have against one patch (every state of the contract has one). */
export const patchStateTones: Record<PatchStateOnPatch, PatchTone> = {
  applied: "ok",
  pending: "pending",
  blocked: "pending",
  failed: "failed",
};
