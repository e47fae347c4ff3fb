import type { ReachMark } from "@/lib/graph/lineage-model";
import { reachText } from "@/lib/graph/reach-text";

const tones: Record<ReachMark["kind"], string> = {
  reached: "bg-emerald-600 text-white",
  blocked: "bg-red-600 text-white",
  target: "bg-amber-500 text-white",
  dimmed: "bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-900",
};

/** The reason on a node while a patch is being composed: why it is, or is not, reached. */
export function ReachLabel({ reach }: { reach: ReachMark | undefined }) {
  if (!reach || (reach.kind === "dimmed" && !reach.reason)) return null;
  // On the node itself a dimmed reason is short ("frozen snapshot"); the form's list spells out "not reached".
  const text = reach.kind === "dimmed" ? reach.reason : reachText(reach);
  return (
    <span
      data-testid="reach-label"
      title={text}
      className={`absolute -top-2.5 right-2 max-w-[calc(100%-1rem)] truncate rounded-full px-2 py-0.5 text-[10px] font-semibold whitespace-nowrap ${tones[reach.kind]}`}
    >
      {text}
    </span>
  );
}
