"use client";

import { memo } from "react";
import { patchStateTones } from "@/lib/patch-state";
import type { PatchState } from "@/lib/contract/enums";
import { stateLabels } from "@/lib/ui/fleet";
import type { FleetSandbox } from "@/lib/client";
import { toneClasses } from "@/components/app/PatchStateBadge";
import { StatusDot } from "@/components/app/StatusDot";

const sandboxStateTones = { upToDate: "ok", pending: "pending", failed: "failed" } as const;

type Props = { sandbox: FleetSandbox; index: number; active: boolean; top: number; height: number; onPick: (index: number) => void };

/**
 * One sandbox of the fleet list: name or id, status, and its patch state (where a run stopped).
 * Memoised on plain props: while the list scrolls, only the rows coming into view render.
 */
export const FleetRow = memo(function FleetRow({ sandbox: s, index, active, top, height, onPick }: Props) {
  const tone = sandboxStateTones[s.state as keyof typeof sandboxStateTones] ?? patchStateTones[s.state as PatchState];
  const label = s.state === "failed" && s.failedAtSequence ? `failed at #${s.failedAtSequence}` : (stateLabels[s.state] ?? s.state);
  return (
    <div
      id={`fleet-row-${s.id}`}
      role="option"
      aria-selected={active}
      data-testid="fleet-row"
      data-id={s.id}
      onClick={() => onPick(index)}
      style={{ height, transform: `translateY(${top}px)` }}
      className={`absolute inset-x-0 top-0 flex cursor-pointer items-center justify-between gap-2 border-b border-slate-100 px-2 dark:border-slate-800 ${
        active ? "bg-indigo-50 dark:bg-indigo-950/60" : "hover:bg-slate-50 dark:hover:bg-slate-800/60"
      }`}
    >
      <div className="min-w-0">
        <div className="truncate text-sm font-medium">{s.name ?? <span className="font-mono text-[13px]">{s.id}</span>}</div>
        <div className="flex items-center gap-2 text-[11px] text-slate-600 dark:text-slate-400">
          {s.name && <span className="truncate font-mono">{s.id}</span>}
          <StatusDot status={s.status} />
        </div>
      </div>
      <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${toneClasses[tone]}`}>{label}</span>
    </div>
  );
});
