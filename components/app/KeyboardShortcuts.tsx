"use client";

import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/lib/ui/keyboard";

const shortcuts: [keys: string[], what: string][] = [
  [["/"], "Search a sandbox or snapshot"],
  [["?"], "Show this list"],
  [["↑", "↓", "←", "→"], "Move between nodes in the graph"],
  [["Enter"], "Open the focused node: its details, a sibling's snapshots, or the next page"],
  [["Esc"], "Close the details (or this list)"],
  [["g"], "Put the keyboard in the graph"],
  [["d"], "Jump into the details panel"],
  [["+", "−"], "Zoom in, zoom out"],
  [["0"], "Fit the whole graph in view"],
  [["Tab"], "Every button and field, in order: copy link, attach and remove patches, load more…"],
];

/** The keyboard shortcut sheet: `?` from anywhere (outside text fields) or the header's button opens it. */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "?" && !isTypingTarget(e.target) && !e.metaKey && !e.ctrlKey && !dialog.current?.open) {
        e.preventDefault();
        dialog.current?.showModal();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        className="hidden rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 sm:inline-flex dark:text-slate-300 dark:hover:bg-slate-800"
      >
        ?
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        // Esc closes the dialog only, not the details panel behind it.
        onKeyDown={(e) => {
          if (e.key === "Escape") e.stopPropagation();
        }}
        onClick={(e) => {
          if (e.target === dialog.current) dialog.current.close(); // a click on the backdrop
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
          <h2 id="shortcuts-title" className="text-sm font-semibold">
            Keyboard shortcuts
          </h2>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close keyboard shortcuts" className="rounded-md px-2 text-lg text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800">
            ×
          </button>
        </div>
        <dl className="divide-y divide-slate-100 px-4 py-2 text-sm dark:divide-slate-800">
          {shortcuts.map(([keys, what]) => (
            <div key={what} className="flex items-baseline gap-3 py-1.5">
              <dt className="flex w-28 shrink-0 flex-wrap gap-1">
                {keys.map((k) => (
                  <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-600 dark:text-slate-300">{what}</dd>
            </div>
          ))}
        </dl>
      </dialog>
    </>
  );
}
