import type { ReachEntry, ReachMark } from "@/lib/graph/lineage-model";
import { reachText } from "@/lib/graph/reach-text";

const tones: Record<ReachMark["kind"], string> = {
  reached: "text-emerald-700 dark:text-emerald-400",
  blocked: "text-red-700 dark:text-red-300",
  dimmed: "text-slate-500 dark:text-slate-400",
  target: "",
};
const marks: Record<ReachMark["kind"], string> = { reached: "✓", blocked: "!", dimmed: "–", target: "" };

/**
 * The reach preview as text, beside the form: each sandbox drawn in the graph and whether it gets
 * the patch, waits behind a failure, or is out of reach (and why). It is what a phone shows, where
 * the form covers the graph.
 */
export function ReachPreviewList({ entries }: { entries: ReachEntry[] }) {
  if (entries.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No sandboxes are drawn in the graph.</p>;
  return (
    <ul aria-label="Reach preview" data-testid="reach-list" className="max-h-48 space-y-0.5 overflow-y-auto text-xs">
      {entries.map(({ id, name, mark }) => (
        <li key={id} data-reach={mark.kind} className="flex min-w-0 gap-1.5">
          <span aria-hidden className={`w-3 shrink-0 text-center font-bold ${tones[mark.kind]}`}>
            {marks[mark.kind]}
          </span>
          <span className="shrink-0 font-medium" title={id}>
            {name ?? <code>{id}</code>}
          </span>
          <span className={`min-w-0 ${tones[mark.kind]}`}>{reachText(mark)}</span>
        </li>
      ))}
    </ul>
  );
}
