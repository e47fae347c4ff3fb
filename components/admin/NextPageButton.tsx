"use client";

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Load the next page" under an admin list, for any infinite query; hidden once the list is complete. */
export function NextPageButton({ pages, label, className = "" }: { pages: Pages; label: string; className?: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      onClick={() => void pages.fetchNextPage()}
      disabled={pages.isFetchingNextPage}
      className={`rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800 ${className}`}
    >
      {pages.isFetchingNextPage ? "Loading…" : label}
    </button>
  );
}
