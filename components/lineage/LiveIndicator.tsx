import type { LiveStatus } from "./useLiveLineage";

const labels: Record<LiveStatus, { text: string; dot: string }> = {
  connecting: { text: "connecting…", dot: "bg-slate-400" },
  live: { text: "live", dot: "bg-emerald-500" },
  reconnecting: { text: "reconnecting…", dot: "bg-amber-400 animate-pulse" },
};

/** Whether the view follows changes as they happen, or has lost the stream and is retrying. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { text, dot } = labels[status];
  return (
    <span
      role="status"
      title={status === "reconnecting" ? "Lost the live updates; retrying. What you see may be out of date." : "Changes appear as they happen."}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white/90 px-2 py-0.5 text-xs text-slate-600 shadow-sm dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300"
    >
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {text}
    </span>
  );
}
