"use client";

import { summarizePatchState, type PatchState } from "@/lib/patch-state";
import { usePatchDescription } from "@/components/patches/usePatchDescription";

/** Badge colours by tone, shared with the fleet list's state badges. */
export const toneClasses = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  none: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

/** A sandbox's patch state; a failure names the patch it stopped at (looked up on `basedOn`, its base snapshot). */
export function PatchStateBadge({ state, basedOn }: { state: PatchState; basedOn: string | null }) {
  const failedPatch = usePatchDescription(basedOn, state.failedAtSequence);
  const { label, tone } = summarizePatchState(state, failedPatch);
  return (
    <span title={label} data-testid="patch-state" className={`min-w-0 truncate rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${toneClasses[tone]}`}>
      {label}
    </span>
  );
}
