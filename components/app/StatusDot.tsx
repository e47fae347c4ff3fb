import type { SandboxStatus, SnapshotStatus } from "@/lib/contract/enums";

/** A colour for every status of the contract (a new status does not compile until it has one). */
const tones: Record<SandboxStatus | SnapshotStatus, string> = {
  running: "bg-emerald-500",
  created: "bg-emerald-500",
  pending: "bg-amber-400",
  snapshotting: "bg-sky-500",
  stopping: "bg-amber-400",
  stopped: "bg-slate-400",
  failed: "bg-red-500",
  deleted: "bg-slate-300 dark:bg-slate-600",
};

/** A coloured dot and the status word (never colour alone). */
export function StatusDot({ status }: { status: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${tones[status as SandboxStatus | SnapshotStatus] ?? "bg-slate-400"}`} />
      {status}
    </span>
  );
}
