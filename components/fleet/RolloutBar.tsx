"use client";

import { formatCount, rolloutSegments, rolloutSummary } from "@/lib/ui/fleet";
import type { Rollout } from "@/lib/client";

const colours = {
  applied: "bg-emerald-500",
  pending: "bg-amber-400",
  blocked: "bg-orange-300 dark:bg-orange-700",
  failed: "bg-red-500",
};

type State = keyof typeof colours;
type Props = { sequence: number; rollout: Rollout; onOpen: (state: State | null) => void };

/**
 * How far one patch got across the snapshot's sandboxes: a bar in proportion, and each part
 * (applied, pending, blocked, failed) a link to the list of exactly those sandboxes.
 */
export function RolloutBar({ sequence, rollout, onOpen }: Props) {
  const segments = rolloutSegments(rollout);
  return (
    <div data-testid="rollout" className="space-y-1">
      <div role="img" aria-label={`Rollout of patch #${sequence}: ${rolloutSummary(rollout)}`} className="flex h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        {segments.map((s) => (
          <div key={s.state} className={colours[s.state]} style={{ width: `${s.percent}%`, minWidth: 3 }} />
        ))}
      </div>
      <div className="flex flex-wrap gap-x-3 text-[11px]">
        <button type="button" onClick={() => onOpen(null)} className="min-h-6 text-slate-600 hover:underline dark:text-slate-300" data-testid="rollout-all">
          {formatCount(rollout.total)} sandboxes
        </button>
        {(["applied", "pending", "blocked", "failed"] as const).map((state) =>
          rollout[state] > 0 ? (
            <button
              key={state}
              type="button"
              onClick={() => onOpen(state)}
              data-testid={`rollout-${state}`}
              className="inline-flex min-h-6 items-center gap-1 text-slate-600 hover:underline dark:text-slate-300"
            >
              <span aria-hidden className={`size-2 rounded-full ${colours[state]}`} />
              {formatCount(rollout[state])} {state}
            </button>
          ) : null,
        )}
      </div>
    </div>
  );
}
