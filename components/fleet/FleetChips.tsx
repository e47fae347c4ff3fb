"use client";

import { formatCount, type Chip } from "@/lib/ui/fleet";

type Props = { label: string; name: "state" | "status"; chips: Chip[]; allCount: number; selected: string | null; onSelect: (value: string | null) => void };

/** One filter as a row of toggle chips, each with its exact count; "all" clears it. */
export function FleetChips({ label, name, chips, allCount, selected, onSelect }: Props) {
  const chip = (value: string | null, text: string, count: number) => {
    const on = selected === value;
    return (
      <button
        key={value ?? "all"}
        type="button"
        aria-pressed={on}
        data-testid={`fleet-chip-${name}-${value ?? "all"}`}
        onClick={() => onSelect(value)}
        className={`rounded-full border px-2 py-0.5 text-xs whitespace-nowrap ${
          on
            ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500"
            : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
        }`}
      >
        {text} <span className={`tabular-nums ${on ? "" : "text-slate-500 dark:text-slate-400"}`}>{formatCount(count)}</span>
      </button>
    );
  };
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="w-12 shrink-0 text-[11px] text-slate-500 dark:text-slate-400 uppercase">{label}</span>
      {chip(null, "all", allCount)}
      {chips.map((c) => chip(c.value, c.label, c.count))}
    </div>
  );
}
