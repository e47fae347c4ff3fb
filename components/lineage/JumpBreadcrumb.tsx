/** A re-anchored view: where it started from, and the way back there. */
export type JumpTrail = { label: string; onBack: () => void };

export function JumpBreadcrumb({ title, trail }: { title: string; trail: JumpTrail }) {
  return (
    <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
      <button
        type="button"
        onClick={trail.onBack}
        title="Back to the view before the jump"
        className="truncate rounded px-1 font-medium text-indigo-700 hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-950"
      >
        ← Lineage of {title}
      </button>
      <span aria-hidden className="text-slate-400">›</span>
      <h1 aria-current="page" className="truncate font-semibold">
        {trail.label}
      </h1>
    </nav>
  );
}
