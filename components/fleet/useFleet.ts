"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchFleet, type FleetFilters } from "@/lib/ui/fleet-client";
import { queryKeys } from "@/lib/ui/query-keys";

/** Rows per page of the fleet list: the API's largest, so a fast scroll asks for few pages. */
export const FLEET_PAGE_SIZE = 100;

/** A snapshot's sandboxes matching `filters`, newest first, a keyset page at a time. */
export const useFleetPages = (snapshotId: string, filters: FleetFilters) =>
  useInfiniteQuery({
    queryKey: queryKeys.fleet(snapshotId, filters),
    queryFn: ({ pageParam }) => fetchFleet(snapshotId, { ...filters, limit: FLEET_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.next ?? undefined,
  });

/** The exact counts of a snapshot's fleet (one row is the least a page can hold). */
export const useFleetCounts = (snapshotId: string) =>
  useQuery({
    queryKey: queryKeys.fleet(snapshotId, "counts"),
    queryFn: () => fetchFleet(snapshotId, { limit: 1 }),
    select: (page) => page.counts,
  });
