/** A script or run output, always as text (React escapes it; never parsed as HTML). */
export function ScriptBlock({ text, tone = "plain", label }: { text: string; tone?: "plain" | "error"; label: string }) {
  return (
    <pre
      aria-label={label}
      className={`max-h-48 overflow-auto rounded-md px-2 py-1.5 font-mono text-[11px] leading-relaxed break-all whitespace-pre-wrap ${
        tone === "error" ? "bg-red-950 text-red-100" : "bg-slate-900 text-slate-100 dark:bg-black/60"
      }`}
    >
      {text || "(no output)"}
    </pre>
  );
}
