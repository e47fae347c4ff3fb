import type { ReachMark } from "@/lib/graph/lineage-model";

/** Ring for keyboard focus and selection, and the fading of nodes a patch will not reach. */
export function nodeChrome(d: { focused: boolean; selected: boolean; reach: ReachMark | undefined }): string {
  const ring = d.selected
    ? "ring-2 ring-indigo-600 dark:ring-indigo-400"
    : d.focused
      ? "ring-2 ring-indigo-400/70 ring-offset-2 ring-offset-slate-50 dark:ring-offset-slate-950"
      : "";
  const reach =
    d.reach?.kind === "dimmed"
      ? "opacity-45 saturate-50"
      : d.reach?.kind === "reached"
        ? "ring-2 ring-emerald-500 shadow-lg shadow-emerald-500/20"
        : d.reach?.kind === "blocked"
          ? "ring-2 ring-red-500 shadow-lg shadow-red-500/20"
        : d.reach?.kind === "target"
          ? "ring-2 ring-amber-500 shadow-lg shadow-amber-500/20"
          : "";
  return `${ring} ${reach} transition-[opacity,box-shadow] duration-200`;
}

/** The same state as data attributes, for tests and for styling hooks. */
export function nodeStateAttributes(d: { focused: boolean; selected: boolean; reach: ReachMark | undefined }) {
  return {
    "data-reach": d.reach?.kind,
    "data-focused": d.focused || undefined,
    "data-selected": d.selected || undefined,
  };
}
