"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ReachEntry } from "@/lib/graph/lineage-model";
import { attachOutcome } from "@/lib/graph/reach-text";
import { DESCRIPTION_MAX_CHARS, SCRIPT_MAX_BYTES, scriptFits } from "@/lib/contract/limits";
import { api, errorMessage } from "@/lib/ui/api";
import type { Permission } from "@/lib/ui/permissions";
import { Notice } from "./Notice";
import { ReachPreviewList } from "./ReachPreviewList";
import { AttachReach } from "./AttachReach";
import { refreshAfterPatchChange } from "./refreshAfterPatchChange";

type Props = {
  snapshotId: string;
  permission: Permission;
  /** The drawn sandboxes and where each stands in the reach of a patch on this snapshot (null until the form opens). */
  reachPreview: ReachEntry[] | null;
  /** Tells the graph to show what the patch will reach while the form is open. */
  onComposingChange: (snapshotId: string | null) => void;
};

/** Attach a patch (script + description) to a snapshot; retries of one submission reuse its idempotency key. */
export function AttachPatchForm({ snapshotId, permission, reachPreview, onComposingChange }: Props) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [script, setScript] = useState("");
  const [description, setDescription] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  useEffect(() => {
    onComposingChange(open ? snapshotId : null);
    return () => onComposingChange(null);
  }, [open, snapshotId, onComposingChange]);

  const attach = useMutation({
    mutationFn: () => {
      // randomUUID exists only in secure contexts (https, localhost); any unique string will do.
      idempotencyKey.current ??= crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      return api.attachPatch(snapshotId, { script, ...(description.trim() && { description: description.trim() }) }, idempotencyKey.current);
    },
    onSuccess: (result) => {
      idempotencyKey.current = null;
      // Said with the preview the user saw while composing: who runs it, who waits behind a failure.
      const drawn = (reachPreview ?? []).map((e) => e.mark);
      setDone(attachOutcome(result.patch.sequence, result.reach.count, drawn));
      setScript("");
      setDescription("");
      setOpen(false);
      refreshAfterPatchChange(queryClient, snapshotId);
    },
  });

  const edit = (apply: () => void) => {
    // Different content is a different submission: it must not reuse the previous key.
    idempotencyKey.current = null;
    attach.reset();
    apply();
  };

  if (!permission.allowed) {
    return (
      <div className="space-y-2">
        <button type="button" disabled className="w-full cursor-not-allowed rounded-md bg-slate-200 px-3 py-2 text-sm font-medium text-slate-500 dark:text-slate-400 dark:bg-slate-800">
          Attach patch
        </button>
        <Notice tone="info">{permission.reason}.</Notice>
      </div>
    );
  }

  if (!open) {
    return (
      <div className="space-y-2">
        {done && <Notice tone="success">{done}</Notice>}
        <button
          type="button"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
          className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Attach patch…
        </button>
      </div>
    );
  }

  const tooLong = !scriptFits(script);
  return (
    <form
      aria-label="Attach patch"
      onSubmit={(e) => {
        e.preventDefault();
        attach.mutate();
      }}
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50/50 p-3 dark:border-amber-800 dark:bg-amber-950/20"
    >
      <AttachReach snapshotId={snapshotId} />
      <div className="space-y-1">
        <p className="text-xs text-amber-900 dark:text-amber-200">
          This patch reaches only the sandboxes started from this snapshot (one level deep), on their next wake. Of those in the graph:
        </p>
        <ReachPreviewList entries={reachPreview ?? []} />
      </div>
      <div className="space-y-1">
        <label htmlFor="patch-script" className="block text-sm font-medium">
          Script
        </label>
        <textarea
          id="patch-script"
          required
          rows={6}
          spellCheck={false}
          value={script}
          onChange={(e) => edit(() => setScript(e.target.value))}
          placeholder="#!/bin/sh&#10;apt-get install -y …"
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
        />
        {tooLong && <p className="text-xs text-red-700 dark:text-red-300">Scripts are limited to {SCRIPT_MAX_BYTES / 1024} KiB (counted in UTF-8 bytes).</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor="patch-description" className="block text-sm font-medium">
          Description <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>
        </label>
        <input
          id="patch-description"
          maxLength={DESCRIPTION_MAX_CHARS}
          value={description}
          onChange={(e) => edit(() => setDescription(e.target.value))}
          placeholder="What this patch fixes"
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      {attach.isError && <Notice tone="error">{errorMessage(attach.error)}</Notice>}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={attach.isPending || script.trim() === "" || tooLong}
          className="flex-1 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {attach.isPending ? "Attaching…" : "Attach patch"}
        </button>
        <button
          type="button"
          disabled={attach.isPending}
          onClick={() => setOpen(false)}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
