import type { QueryClient } from "@tanstack/react-query";
import { liveRefresher } from "@/lib/ui/live-refresher";
import { queryKeys } from "@/lib/ui/query-keys";

/**
 * After attaching or removing a patch: patch counts, the patch list and rollouts, and the patch
 * states of the sandboxes based on the snapshot change. They are refreshed in place, in the same
 * rounds as live events (the change comes back as one too), and the home page's list is refetched.
 */
export function refreshAfterPatchChange(queryClient: QueryClient, snapshotId: string) {
  liveRefresher(queryClient).patchesChanged(snapshotId);
  void queryClient.invalidateQueries({ queryKey: queryKeys.recent() });
}
