/** Title of the view and the key to its shapes, over the graph's top-left corner. */
export function GraphLegend({ title, composing }: { title: string; composing: boolean }) {
  return (
    <div className="pointer-events-none absolute top-3 left-3 z-10 max-w-[70%] space-y-1 rounded-md bg-white/90 px-3 py-2 text-xs shadow-sm backdrop-blur dark:bg-slate-900/90">
      <p className="truncate text-sm font-semibold">Lineage of {title}</p>
      {composing ? (
        <p className="text-slate-600 dark:text-slate-300">
          <span className="text-emerald-600 dark:text-emerald-400">Green</span>: sandboxes this patch reaches. Faded: out of reach, and why.
        </p>
      ) : (
        <p className="hidden gap-3 text-slate-500 sm:flex dark:text-slate-400">
          <span><span className="text-sky-500">◆</span> snapshot</span>
          <span><span className="text-violet-500">●</span> sandbox</span>
          <span>older above · newer below</span>
        </p>
      )}
    </div>
  );
}
