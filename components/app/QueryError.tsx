"use client";

import { errorMessage } from "@/lib/ui/api";

/** A failed load: what went wrong and a retry button. */
export function QueryError({ error, onRetry, title = "Could not load this" }: { error: unknown; onRetry: () => void; title?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{errorMessage(error)}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500"
      >
        Retry
      </button>
    </div>
  );
}
