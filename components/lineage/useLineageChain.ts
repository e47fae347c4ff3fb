"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TreeNode, TreePage } from "@/lib/client";
import { api } from "@/lib/ui/api";
import { queryKeys, TREE_PAGE_SIZE } from "@/lib/ui/query-keys";

/** One direction of the walk from the anchor, page by page (desc = ancestors, asc = descendants). */
function useChainDirection(anchorId: string, sortOrder: "asc" | "desc") {
  return useInfiniteQuery({
    queryKey: queryKeys.tree(anchorId, sortOrder),
    queryFn: ({ pageParam }) => api.tree({ snapshotId: anchorId, sortOrder, limit: TREE_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.next ?? undefined,
  });
}

export type ChainDirection = {
  /** Nearest first, without the anchor (each direction's first page starts with it). */
  nodes: TreeNode[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreFailed: boolean;
  loadMore: () => void;
};

const withoutAnchor = (pages: TreePage[] | undefined, anchorId: string) =>
  (pages ?? []).flatMap((p) => p.snapshots).filter((s) => s.id !== anchorId);

export function useLineageChain(anchorId: string) {
  const up = useChainDirection(anchorId, "desc");
  const down = useChainDirection(anchorId, "asc");

  // Stable arrays while the pages are unchanged, so the graph is rebuilt only when data changes.
  const upNodes = useMemo(() => withoutAnchor(up.data?.pages, anchorId), [up.data, anchorId]);
  const downNodes = useMemo(() => withoutAnchor(down.data?.pages, anchorId), [down.data, anchorId]);

  const direction = (q: typeof up, nodes: TreeNode[]): ChainDirection => ({
    nodes,
    hasMore: q.hasNextPage,
    loadingMore: q.isFetchingNextPage,
    loadMoreFailed: q.isFetchNextPageError,
    loadMore: () => {
      if (!q.isFetchingNextPage) void q.fetchNextPage();
    },
  });

  return {
    anchor: up.data?.pages[0]?.snapshots[0] ?? down.data?.pages[0]?.snapshots[0] ?? null,
    ancestors: direction(up, upNodes),
    descendants: direction(down, downNodes),
    isPending: up.isPending || down.isPending,
    // A failed later page keeps what is on screen; only a failed first page is an error of the view.
    error: (up.data ? null : up.error) ?? (down.data ? null : down.error),
    retry: () => {
      if (up.isError) void up.refetch();
      if (down.isError) void down.refetch();
    },
  };
}
