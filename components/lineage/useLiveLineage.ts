"use client";

import { useCallback, useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { liveRefresher } from "@/lib/ui/live-refresher";
import { queryKeys } from "@/lib/ui/query-keys";
import type { SandboxSummary } from "@/lib/sandbox-summary";

export type LiveStatus = "connecting" | "live" | "reconnecting";

type EventData = { id: number; snapshotId?: string; parentSnapshotId?: string; sandboxId?: string; patchId?: string; sandbox?: SandboxSummary };

const REOPEN_MS = 5_000;

/**
 * Follows the open lineage live (GET /api/events for the anchor snapshot). What the events touch is
 * refreshed in place, in rounds (lib/ui/live-refresher.ts): node states, patch counts, rollouts.
 * New child snapshots are only counted ("N newer snapshots"), so nothing on screen moves until the
 * user asks for them with `showNewer`.
 */
export function useLiveLineage(anchorId: string) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [newer, setNewer] = useState<readonly string[]>([]);

  useEffect(() => {
    const refresher = liveRefresher(queryClient);
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let reopened = false;
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
        // A fresh stream after a refusal knows nothing of what was missed: refresh what is shown.
        if (reopened) refresher.everythingChanged();
      });
      on("reset", () => refresher.everythingChanged());
      on("patch.attached", (e) => refresher.patchesChanged(e.snapshotId!));
      on("patch.removed", (e) => refresher.patchesChanged(e.snapshotId!));
      // A sandbox's own changes carry its facts: drawn with no request.
      const sandboxEvent = (e: EventData) =>
        e.sandbox ? refresher.sandboxReported(e.sandbox, e.snapshotId ?? null) : refresher.sandboxChanged(e.sandboxId!, e.snapshotId ?? null);
      on("patch.result", sandboxEvent);
      on("sandbox", sandboxEvent);
      on("snapshot", (e) => {
        const id = e.snapshotId!;
        // Taken of a sandbox: its current snapshot moved (its panel says so).
        if (e.sandboxId) refresher.sandboxChanged(e.sandboxId, null);
        if (refresher.draws(id)) refresher.snapshotChanged(id);
        else if (e.parentSnapshotId === anchorId) setNewer((list) => (list.includes(id) ? list : [...list, id]));
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
