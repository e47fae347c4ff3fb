"use client";

import { useState } from "react";

type Props = {
  /** The text to copy, or how to make it at the moment of the click (e.g. an absolute link). */
  value: string | (() => string);
  label?: string;
  /** What the button says while idle. */
  text?: string;
};

/** Copies a value (an id, a link) to the clipboard and says so for a moment. */
export function CopyButton({ value, label = "Copy id", text = "Copy" }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof value === "string" ? value : value());
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={typeof value === "string" ? `${label} ${value}` : label}
      className="shrink-0 rounded border border-slate-200 px-1.5 py-0.5 text-[11px] text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : text}</span>
    </button>
  );
}
