import type { JumpTrail } from "./JumpBreadcrumb";
import { JumpBreadcrumb } from "./JumpBreadcrumb";

type Props = { title: string; composing: boolean; trail: JumpTrail | null; currentMeans: string };

/** The bar above the graph: what it shows (and the jump that led there), and the key to its shapes (or to the reach highlight). */
export function GraphLegend({ title, composing, trail, currentMeans }: Props) {
  return (
    <div className="flex min-h-10 shrink-0 flex-wrap items-center gap-x-4 gap-y-0.5 border-b border-slate-200 bg-white px-3 py-1.5 text-xs dark:border-slate-800 dark:bg-slate-900">
      {trail ? <JumpBreadcrumb title={title} trail={trail} /> : <h1 className="truncate text-sm font-semibold">Lineage of {title}</h1>}
      {composing ? (
        <p className="text-slate-600 dark:text-slate-300">
          <span className="font-medium text-emerald-700 dark:text-emerald-400">Green</span>: gets the patch on next wake.{" "}
          <span className="font-medium text-red-700 dark:text-red-300">Red</span>: blocked behind a failed patch. Faded: out of reach, with
          the reason.
        </p>
      ) : (
        <p className="hidden flex-wrap gap-x-3 text-slate-500 sm:flex dark:text-slate-400">
          <span><span className="text-sky-500">◆</span> snapshot</span>
          <span><span className="text-violet-500">●</span> sandbox</span>
          <span data-testid="current-legend">
            <span className="rounded bg-indigo-600 px-1 text-[10px] text-white">current</span> {currentMeans}
          </span>
          <span className="hidden [@media(pointer:fine)]:inline">older above · newer below · arrow keys move, Enter opens, ? for all keys</span>
        </p>
      )}
    </div>
  );
}
