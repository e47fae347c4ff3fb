"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: a bare page with a retry. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center p-4 text-center">
        <div>
          <h1 className="text-xl font-semibold">Lineage is unavailable</h1>
          <p className="mt-2 text-slate-600">Something went wrong while loading the application.</p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            Retry
          </button>
        </div>
      </body>
    </html>
  );
}
