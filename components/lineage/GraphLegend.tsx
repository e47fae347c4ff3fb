import type { JumpTrail } from "./JumpBreadcrumb";
import { JumpBreadcrumb } from "./JumpBreadcrumb";

/** The bar above the graph: what it shows (and the jump that led there), and the key to its shapes (or to the reach highlight). */
export function GraphLegend({ title, composing, trail }: { title: string; composing: boolean; trail: JumpTrail | null }) {
  return (
    <div className="flex min-h-10 shrink-0 flex-wrap items-center gap-x-4 gap-y-0.5 border-b border-slate-200 bg-white px-3 py-1.5 text-xs dark:border-slate-800 dark:bg-slate-900">
      {trail ? <JumpBreadcrumb title={title} trail={trail} /> : <h1 className="truncate text-sm font-semibold">Lineage of {title}</h1>}
      {composing ? (
        <p className="text-slate-600 dark:text-slate-300">
          <span className="font-medium text-emerald-700 dark:text-emerald-400">Green</span>: sandboxes this patch reaches. Faded: out
          of reach, with the reason.
        </p>
      ) : (
        <p className="hidden gap-3 text-slate-500 sm:flex dark:text-slate-400">
          <span><span className="text-sky-500">◆</span> snapshot</span>
          <span><span className="text-violet-500">●</span> sandbox</span>
          <span>older above · newer below · arrow keys move, Enter opens</span>
        </p>
      )}
    </div>
  );
}
