"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PatchView } from "@/lib/client";
import { patchLabel } from "@/lib/patch-state";
import type { PatchState } from "@/lib/contract/enums";
import { api } from "@/lib/ui/api";
import { formatAge } from "@/lib/ui/format";
import type { Permission } from "@/lib/ui/permissions";
import { QueryError } from "@/components/app/QueryError";
import { Notice } from "./Notice";
import { RemovePatchButton } from "./RemovePatchButton";
import { ScriptBlock } from "./ScriptBlock";
import { queryKeys } from "@/lib/ui/query-keys";
import { RolloutBar } from "@/components/fleet/RolloutBar";

type Props = {
  snapshotId: string;
  removePermission: Permission;
  /** Opens the fleet list relative to a patch, narrowed to one state of it (null: all). */
  onOpenRollout: (patchId: string, state: PatchState | null) => void;
};

/** A snapshot's patches in sequence order, each live one with its rollout; removed ones on request, for history. */
export function SnapshotPatches({ snapshotId, removePermission, onOpenRollout }: Props) {
  const [showRemoved, setShowRemoved] = useState(false);
  const [removed, setRemoved] = useState<PatchView | null>(null);
  const patches = useQuery({
    queryKey: queryKeys.patches(snapshotId, showRemoved),
    queryFn: () => api.listPatches(snapshotId, { includeRemoved: showRemoved }),
  });

  return (
    <section aria-label="Patches" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">Patches</h3>
        <label className="flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
          <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} />
          show removed
        </label>
      </div>
      {removed && (
        <Notice tone="success">
          Patch {patchLabel(removed.sequence, removed.description)} removed. Sandboxes that have not applied it will skip it; it stays in the history.
        </Notice>
      )}
      {patches.isPending && <div className="h-16 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />}
      {patches.isError && <QueryError error={patches.error} onRetry={() => patches.refetch()} title="Could not load the patches" />}
      {patches.data?.patches.length === 0 && <Notice tone="info">No patches on this snapshot yet.</Notice>}
      <ol className="space-y-2">
        {patches.data?.patches.map((p) => (
          <li
            key={p.id}
            data-testid="patch-item"
            className={`rounded-md border border-slate-200 p-2 dark:border-slate-700 ${p.removedAt ? "opacity-60" : ""}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="min-w-0 text-sm">
                <span className="font-mono font-semibold">#{p.sequence}</span>{" "}
                <span className={p.removedAt ? "line-through" : ""}>{p.description || <em className="text-slate-500 dark:text-slate-400">no description</em>}</span>
              </span>
              {p.removedAt ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">removed by {p.removedBy}</span>
              ) : (
                <RemovePatchButton snapshotId={snapshotId} patch={p} permission={removePermission} onRemoved={setRemoved} />
              )}
            </div>
            <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">
              by {p.createdBy} · {formatAge(p.createdAt)}
            </p>
            {!p.removedAt && (
              <div className="mb-2">
                <RolloutBar sequence={p.sequence} rollout={p.rollout} onOpen={(state) => onOpenRollout(p.id, state)} />
              </div>
            )}
            <ScriptBlock text={p.script} label={`Script of patch #${p.sequence}`} />
          </li>
        ))}
      </ol>
    </section>
  );
}
