"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PatchView } from "@/lib/client";
import { patchLabel } from "@/lib/patch-state";
import { api, errorMessage } from "@/lib/ui/api";
import type { Permission } from "@/lib/ui/permissions";
import { Notice } from "./Notice";
import { refreshAfterPatchChange } from "./refreshAfterPatchChange";

/** Remove with a confirmation step; the patch stays in history and is never applied again. */
type Props = { snapshotId: string; patch: PatchView; permission: Permission; onRemoved: (patch: PatchView) => void };

export function RemovePatchButton({ snapshotId, patch, permission, onRemoved }: Props) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.removePatch(snapshotId, patch.id),
    onSuccess: ({ patch: removed }) => {
      onRemoved(removed);
      refreshAfterPatchChange(queryClient, snapshotId);
    },
  });

  if (!permission.allowed) {
    return (
      <button type="button" disabled title={permission.reason} className="cursor-not-allowed text-xs text-slate-400">
        Remove
      </button>
    );
  }
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-xs font-medium text-red-700 hover:underline dark:text-red-300">
        Remove
      </button>
    );
  }
  return (
    <div className="mt-2 w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-2 dark:border-red-900 dark:bg-red-950/40">
      <p className="text-xs text-red-900 dark:text-red-100">
        Remove patch {patchLabel(patch.sequence, patch.description)}? Sandboxes that have not applied it yet will skip it. This cannot be undone.
      </p>
      {remove.isError && <Notice tone="error">{errorMessage(remove.error)}</Notice>}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
          className="rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-500 disabled:opacity-50"
        >
          {remove.isPending ? "Removing…" : `Remove patch #${patch.sequence}`}
        </button>
        <button
          type="button"
          disabled={remove.isPending}
          onClick={() => {
            remove.reset();
            setConfirming(false);
          }}
          className="rounded-md px-2.5 py-1 text-xs hover:bg-red-100 disabled:opacity-50 dark:hover:bg-red-900/40"
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
