"use client";

/** A page failed to render on the server (e.g. the database is unreachable): offer a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Lineage could not load this page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The server or its database may be unavailable. Retry in a moment; if it keeps failing, tell whoever runs Lineage
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Retry
      </button>
    </main>
  );
}
