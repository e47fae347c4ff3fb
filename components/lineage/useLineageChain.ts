"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TreeNode, TreePage } from "@/lib/client";
import { nextRootSidePage, rootSideChain } from "@/lib/graph/deep-chain";
import { api } from "@/lib/ui/api";
import { queryKeys, TREE_PAGE_SIZE } from "@/lib/ui/query-keys";

/**
 * Walks are never refetched on their own (`staleTime: Infinity`): a refetch could bring a new child
 * and re-route the chain under the user. Live events refresh their nodes in place instead
 * (lib/ui/live-refresher.ts); "show newer snapshots" refetches the descendants on request.
 */
export const WALK_STALE_TIME = Infinity;

/** One direction of the walk from the anchor, page by page (desc = ancestors, asc = descendants). */
function useChainDirection(anchorId: string, sortOrder: "asc" | "desc") {
  return useInfiniteQuery({
    staleTime: WALK_STALE_TIME,
    queryKey: queryKeys.tree(anchorId, sortOrder),
    queryFn: ({ pageParam }) => api.tree({ snapshotId: anchorId, sortOrder, limit: TREE_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.next ?? undefined,
  });
}

/**
 * A page of a deep chain's root side. The first is the root itself; each next one covers the
 * generations right below the deepest loaded: the anchor's ancestor at the page's last depth
 * (one `ancestor?depth` lookup, a few index probes) and the walk from it towards the root. Both
 * are exact for the anchor's own chain; a descendant walk from the root is not (at a fork it
 * follows the newest child, which need not lead to the anchor).
 */
export async function rootSidePage(anchor: TreeNode, endDepth: number | undefined): Promise<TreePage> {
  if (endDepth === undefined) return api.tree({ snapshotId: anchor.rootId, sortOrder: "desc", limit: 1 });
  const page = nextRootSidePage(endDepth, anchor.depth, TREE_PAGE_SIZE);
  if (!page) return { snapshots: [], pagination: { next: null } };
  const { snapshot } = await api.ancestor(anchor.id, { depth: String(page.depth) });
  return api.tree({ snapshotId: snapshot.id, sortOrder: "desc", limit: page.limit });
}

/** The deepest generation a root-side page holds (pages run from their deepest towards the root). */
const pageEnd = (page: TreePage) => Math.max(...page.snapshots.map((s) => s.depth));

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
  const anchor = up.data?.pages[0]?.snapshots[0] ?? down.data?.pages[0]?.snapshots[0] ?? null;

  // The root end is drawn as soon as the ancestors do not reach it on their first page.
  const rootSide = useInfiniteQuery({
    staleTime: WALK_STALE_TIME,
    queryKey: queryKeys.rootSide(anchorId),
    queryFn: ({ pageParam }) => rootSidePage(anchor!, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.snapshots.length ? pageEnd(last) : undefined),
    enabled: anchor !== null && up.hasNextPage,
  });

  // Stable arrays while the pages are unchanged, so the graph is rebuilt only when data changes.
  const upNodes = useMemo(() => withoutAnchor(up.data?.pages, anchorId), [up.data, anchorId]);
  const downNodes = useMemo(() => withoutAnchor(down.data?.pages, anchorId), [down.data, anchorId]);
  const topDepth = (upNodes.at(-1) ?? anchor)?.depth ?? 0;
  const rootNodes = useMemo(() => rootSideChain((rootSide.data?.pages ?? []).map((p) => p.snapshots), topDepth), [rootSide.data, topDepth]);

  const direction = (q: { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; fetchNextPage: () => unknown }, nodes: TreeNode[]): ChainDirection => ({
    nodes,
    hasMore: q.hasNextPage,
    loadingMore: q.isFetchingNextPage,
    loadMoreFailed: q.isFetchNextPageError,
    loadMore: () => {
      if (!q.isFetchingNextPage) void q.fetchNextPage();
    },
  });

  return {
    anchor,
    ancestors: direction(up, upNodes),
    descendants: direction(down, downNodes),
    /** A deep chain's root end, root first (empty until the root is loaded, or when the ancestors reach it). */
    rootSide: direction(rootSide, rootNodes),
    isPending: up.isPending || down.isPending,
    // A failed later page keeps what is on screen; only a failed first page is an error of the view.
    error: (up.data ? null : up.error) ?? (down.data ? null : down.error),
    retry: () => {
      if (up.isError) void up.refetch();
      if (down.isError) void down.refetch();
    },
  };
}
