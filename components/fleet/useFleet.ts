"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { FleetFilters } from "@/lib/client";
import { api } from "@/lib/ui/api";
import { FLEET_PAGE_SIZE, queryKeys } from "@/lib/ui/query-keys";

/** A snapshot's sandboxes matching `filters`, newest first, a keyset page at a time. */
export const useFleetPages = (snapshotId: string, filters: FleetFilters) =>
  useInfiniteQuery({
    queryKey: queryKeys.fleet(snapshotId, filters),
    queryFn: ({ pageParam }) => api.fleet(snapshotId, { ...filters, limit: FLEET_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.next ?? undefined,
  });

/**
 * The exact counts of a snapshot's fleet (one row is the least a page can hold), by state against
 * `patch` when given. Live events refresh them (lib/ui/live-refresher.ts). `fresh` asks the server
 * again on mount, for a figure a decision rests on (the attach form's reach).
 */
export const useFleetCounts = (snapshotId: string, { fresh = false, patch }: { fresh?: boolean; patch?: string } = {}) =>
  useQuery({
    ...(fresh && { staleTime: 0 }),
    queryKey: queryKeys.fleetCounts(snapshotId, patch),
    queryFn: () => api.fleet(snapshotId, { limit: 1, ...(patch && { patch }) }),
    select: (page) => page.counts,
  });
