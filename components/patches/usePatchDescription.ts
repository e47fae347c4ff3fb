"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";
import { queryKeys } from "@/lib/ui/query-keys";

/**
 * The description of a snapshot's live patch by sequence ("Pin Node.js to 20.20.2"), so a
 * "failed at #2" can say which patch that is. Reads the snapshot's patch list (one request per
 * snapshot, shared with its panel through the query cache); nothing is fetched without a sequence.
 */
export function usePatchDescription(snapshotId: string | null, sequence: number | null): string | null {
  const enabled = snapshotId !== null && sequence !== null;
  const patches = useQuery({
    queryKey: queryKeys.patches(snapshotId ?? "", false),
    queryFn: () => api.listPatches(snapshotId!, { includeRemoved: false }),
    enabled,
    staleTime: 30_000,
  });
  if (!enabled) return null;
  return patches.data?.patches.find((p) => p.sequence === sequence)?.description || null;
}
