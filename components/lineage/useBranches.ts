"use client";

import { useQueries, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { TreePage } from "@/lib/client";
import type { Branch } from "@/lib/graph/lineage-model";
import { api, errorMessage } from "@/lib/ui/api";
import { queryKeys, TREE_PAGE_SIZE } from "@/lib/ui/query-keys";
import { useKept } from "./useKept";
import { WALK_STALE_TIME } from "./useLineageChain";

/**
 * What a branch is built from, as plain values. useQueries shares a `combine` result structurally,
 * so the list keeps its identity until a query's state changes.
 */
const queryStates = <T,>(results: UseQueryResult<T>[]) =>
  results.map((r) => ({ data: r.data, error: r.error, isPending: r.isPending, isError: r.isError }));

type PageRequest = { sandboxId: string; snapshotId: string; cursor: string | undefined };
const sameRequests = (a: PageRequest[], b: PageRequest[]) =>
  a.length === b.length && a.every((r, i) => r.sandboxId === b[i]!.sandboxId && r.snapshotId === b[i]!.snapshotId && r.cursor === b[i]!.cursor);

export const sandboxQuery = (id: string) => ({ queryKey: queryKeys.sandbox(id), queryFn: () => api.sandbox(id) });

/**
 * Sibling sandboxes expanded in place. Each branch is the sandbox's own snapshots: its current
 * snapshot (the newest taken of it) and the walk onwards from there, paged like the main chain.
 */
export function useBranches() {
  const queryClient = useQueryClient();
  /** Expanded sandbox id → how many pages of its branch were asked for. */
  const [pagesWanted, setPagesWanted] = useState<ReadonlyMap<string, number>>(new Map());
  const ids = useMemo(() => [...pagesWanted.keys()], [pagesWanted]);

  const details = useQueries({ queries: ids.map(sandboxQuery), combine: queryStates });

  // Page k needs the cursor of page k-1: each render extends the list as earlier pages arrive.
  const requested: PageRequest[] = [];
  ids.forEach((sandboxId, i) => {
    const sandbox = details[i]?.data?.sandbox;
    const current = sandbox?.currentSnapshotId;
    if (!sandbox || !current || current === sandbox.basedOnSnapshotId) return;
    let cursor: string | undefined;
    for (let k = 0; k < (pagesWanted.get(sandboxId) ?? 1); k++) {
      requested.push({ sandboxId, snapshotId: current, cursor });
      const page = queryClient.getQueryData<TreePage>(queryKeys.branchPage(current, cursor));
      if (!page?.pagination.next) break;
      cursor = page.pagination.next;
    }
  });
  const pageRequests = useKept(requested, (kept, next) => (sameRequests(kept, next) ? kept : next));
  const pages = useQueries({
    queries: pageRequests.map((r) => ({
      staleTime: WALK_STALE_TIME,
      queryKey: queryKeys.branchPage(r.snapshotId, r.cursor),
      queryFn: () => api.tree({ snapshotId: r.snapshotId, sortOrder: "asc", limit: TREE_PAGE_SIZE, cursor: r.cursor }),
    })),
    combine: queryStates,
  });

  // Each input keeps its identity while unchanged, so branches are rebuilt only when data arrives.
  const branches = useMemo(() => {
    const out = new Map<string, Branch>();
    ids.forEach((sandboxId, i) => {
      const detail = details[i]!;
      if (detail.isError) return out.set(sandboxId, { state: "error", message: errorMessage(detail.error) });
      const sandbox = detail.data?.sandbox;
      if (!sandbox) return out.set(sandboxId, { state: "loading" });
      if (!sandbox.currentSnapshotId || sandbox.currentSnapshotId === sandbox.basedOnSnapshotId) {
        return out.set(sandboxId, { state: "empty" });
      }
      const own = pageRequests.map((r, k) => ({ r, q: pages[k]! })).filter(({ r }) => r.sandboxId === sandboxId);
      const first = own[0]?.q;
      if (!first || first.isPending) return out.set(sandboxId, { state: "loading" });
      if (first.isError) return out.set(sandboxId, { state: "error", message: errorMessage(first.error) });
      const loaded = own.filter(({ q }) => q.data).map(({ q }) => q.data!);
      const last = own[own.length - 1]!.q;
      out.set(sandboxId, {
        state: "ready",
        snapshots: loaded.flatMap((p) => p.snapshots),
        more: {
          hasMore: Boolean(last.data?.pagination.next) || last.isPending || last.isError,
          loading: last.isPending && own.length > 1,
          failed: last.isError && own.length > 1,
        },
      });
    });
    return out;
  }, [ids, details, pages, pageRequests]);

  const expand = useCallback((sandboxId: string) => {
    setPagesWanted((prev) => (prev.has(sandboxId) ? prev : new Map(prev).set(sandboxId, 1)));
  }, []);

  const loadMore = useCallback((sandboxId: string) => {
    setPagesWanted((prev) => new Map(prev).set(sandboxId, (prev.get(sandboxId) ?? 1) + 1));
  }, []);

  const collapse = useCallback((sandboxId: string) => {
    setPagesWanted((prev) => {
      const next = new Map(prev);
      next.delete(sandboxId);
      return next;
    });
  }, []);

  return { branches, expand, collapse, loadMore };
}

/** Details of one sandbox (shared cache with the branches and the side panel). */
export const useSandbox = (id: string) => useQuery(sandboxQuery(id));
