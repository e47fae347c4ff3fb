"use client";

import { useQuery } from "@tanstack/react-query";
import type { SandboxPatch } from "@/lib/client";
import { api } from "@/lib/ui/api";
import { formatAge } from "@/lib/ui/format";
import { QueryError } from "@/components/app/QueryError";
import { Notice } from "./Notice";
import { ScriptBlock } from "./ScriptBlock";
import { queryKeys } from "@/lib/ui/query-keys";

const stateStyles: Record<string, string> = {
  applied: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

function PatchRun({ patch }: { patch: SandboxPatch }) {
  return (
    <li data-testid="sandbox-patch" className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="min-w-0 truncate">
          <span className="font-mono font-semibold">#{patch.sequence}</span> {patch.description || <em className="text-slate-500 dark:text-slate-400">no description</em>}
        </span>
        <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${stateStyles[patch.state] ?? ""}`}>{patch.state}</span>
      </div>
      {patch.ranAt && <p className="text-xs text-slate-500 dark:text-slate-400">last run {formatAge(patch.ranAt)}</p>}
      {patch.state === "failed" && (
        <div className="mt-1 space-y-1">
          <ScriptBlock tone="error" text={patch.output ?? ""} label={`Output of patch #${patch.sequence}`} />
          {patch.outputTruncated && <p className="text-xs text-slate-500 dark:text-slate-400">Output truncated.</p>}
          <p className="text-xs text-slate-600 dark:text-slate-300">The run stopped here; later patches wait until this one succeeds on a wake.</p>
        </div>
      )}
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-500 dark:text-slate-400">Script{patch.state === "applied" && patch.output ? " and output" : ""}</summary>
        <div className="mt-1 space-y-1">
          <ScriptBlock text={patch.script} label={`Script of patch #${patch.sequence}`} />
          {patch.state === "applied" && patch.output && <ScriptBlock text={patch.output} label={`Output of patch #${patch.sequence}`} />}
        </div>
      </details>
    </li>
  );
}

/** The patches that reach a sandbox (its base snapshot's live ones) and where each stands there. */
export function SandboxPatchStates({ sandboxId }: { sandboxId: string }) {
  const states = useQuery({ queryKey: queryKeys.sandboxPatches(sandboxId), queryFn: () => api.sandboxPatches(sandboxId) });
  return (
    <section aria-label="Patch states" className="space-y-2">
      <h3 className="text-sm font-semibold">Patches from its base snapshot</h3>
      {states.isPending && <div className="h-16 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />}
      {states.isError && <QueryError error={states.error} onRetry={() => states.refetch()} title="Could not load the patch states" />}
      {states.data?.patches.length === 0 && (
        <Notice tone="info">
          {states.data.sandbox.basedOnSnapshotId ? "Its base snapshot has no live patches." : "Started from scratch: no snapshot, so no patches reach it."}
        </Notice>
      )}
      <ol className="space-y-2">
        {states.data?.patches.map((p) => <PatchRun key={p.id} patch={p} />)}
      </ol>
    </section>
  );
}
