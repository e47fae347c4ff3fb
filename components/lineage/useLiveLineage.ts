"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/ui/query-keys";
import { refreshAfterPatchChange } from "@/components/patches/refreshAfterPatchChange";

export type LiveStatus = "connecting" | "live" | "reconnecting";

type EventData = { id: number; snapshotId?: string; parentSnapshotId?: string; sandboxId?: string; patchId?: string };

const REOPEN_MS = 5_000;

/**
 * Node states and rollout counts on screen: the walk (its sandboxes are on the chain both ways), the
 * branches, the sandbox panels. A refetch of the descendants may draw a new child snapshot counted
 * by the hint; the nodes already drawn keep their places.
 */
function refreshSandbox(queryClient: QueryClient, anchorId: string, e: EventData) {
  // Every walk on screen: a jump re-anchors the chain on another snapshot than the page's.
  const keys: (readonly unknown[])[] = [queryKeys.tree(), queryKeys.branchPage(), queryKeys.snapshot(e.snapshotId ?? anchorId)];
  if (e.sandboxId) keys.push(queryKeys.sandbox(e.sandboxId), queryKeys.sandboxPatches(e.sandboxId));
  for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
}

/**
 * Follows the open lineage live (GET /api/events for the anchor snapshot) and refreshes what the
 * events touch. New child snapshots are only counted ("N newer snapshots"), so nothing on screen
 * moves until the user asks for them with `showNewer`.
 */
export function useLiveLineage(anchorId: string) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [newer, setNewer] = useState<string[]>([]);
  const known = useRef(new Set<string>());

  useEffect(() => {
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let reopened = false;
    const refreshAll = () => {
      for (const key of [queryKeys.tree(anchorId, "desc"), queryKeys.branchPage(), queryKeys.sandbox(), queryKeys.sandboxPatches()]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    };
    const open = () => {
      source = new EventSource(`/api/events?snapshot=${encodeURIComponent(anchorId)}`);
      const on = (name: string, handle: (e: EventData) => void) =>
        source!.addEventListener(name, (msg) => handle(JSON.parse((msg as MessageEvent<string>).data) as EventData));
      source.onopen = () => setStatus("live");
      source.onerror = () => {
        setStatus("reconnecting");
        // The browser retries by itself unless the server refused (e.g. 429); then try again later.
        if (source?.readyState === EventSource.CLOSED) {
          reopened = true;
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
      on("ready", () => {
        // A fresh stream after a refusal knows nothing of what was missed: reload what is shown.
        if (reopened) refreshAll();
      });
      on("reset", refreshAll);
      on("patch.attached", (e) => refreshAfterPatchChange(queryClient, e.snapshotId!));
      on("patch.removed", (e) => refreshAfterPatchChange(queryClient, e.snapshotId!));
      on("patch.result", (e) => refreshSandbox(queryClient, anchorId, e));
      on("sandbox", (e) => refreshSandbox(queryClient, anchorId, e));
      on("snapshot", (e) => {
        const id = e.snapshotId!;
        if (e.parentSnapshotId === anchorId && !known.current.has(id)) {
          known.current.add(id);
          setNewer((list) => [...list, id]);
        } else void queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(id) });
      });
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [anchorId, queryClient]);

  const showNewer = useCallback(() => {
    setNewer([]);
    void queryClient.invalidateQueries({ queryKey: queryKeys.tree(anchorId, "asc") });
  }, [anchorId, queryClient]);

  return { status, newerSnapshots: newer.length, showNewer };
}
