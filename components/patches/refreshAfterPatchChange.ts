import type { QueryClient } from "@tanstack/react-query";

/**
 * After attaching or removing a patch: patch counts (tree, snapshot), the patch list, and the
 * patch states of sandboxes (pending counts) all change. Refetch what is on screen.
 */
export function refreshAfterPatchChange(queryClient: QueryClient, snapshotId: string) {
  for (const key of [["tree"], ["branch"], ["snapshot", snapshotId], ["patches", snapshotId], ["sandbox"], ["sandboxPatches"], ["recent"]]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
