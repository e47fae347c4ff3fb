import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/ui/query-keys";

/**
 * After attaching or removing a patch: patch counts (tree, snapshot), the patch list, and the
 * patch states of sandboxes (pending counts) all change. Refetch what is on screen.
 */
export function refreshAfterPatchChange(queryClient: QueryClient, snapshotId: string) {
  const keys = [
    queryKeys.tree(),
    queryKeys.branchPage(),
    queryKeys.snapshot(snapshotId),
    queryKeys.patches(snapshotId),
    queryKeys.fleet(snapshotId),
    queryKeys.sandbox(),
    queryKeys.sandboxPatches(),
    queryKeys.recent(),
  ];
  for (const key of keys) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
