import type { ReachMark } from "@/lib/graph/lineage-model";

/** The reason on a node while a patch is being composed: why it is, or is not, reached. */
export function ReachLabel({ reach }: { reach: ReachMark | undefined }) {
  if (!reach || (reach.kind === "dimmed" && !reach.reason)) return null;
  const [text, tone] =
    reach.kind === "reached"
      ? ["gets the patch on next wake", "bg-emerald-600 text-white"]
      : reach.kind === "target"
        ? ["patch target", "bg-amber-500 text-white"]
        : [reach.reason, "bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-900"];
  return (
    <span data-testid="reach-label" className={`absolute -top-2.5 right-2 rounded-full px-2 py-0.5 text-[10px] font-semibold whitespace-nowrap ${tone}`}>
      {text}
    </span>
  );
}
