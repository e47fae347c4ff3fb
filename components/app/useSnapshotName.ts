"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";
import { queryKeys } from "@/lib/ui/query-keys";

/** A snapshot's name (null while loading, or when it has none), so pages can say "my-env" where they would say snap_…. */
export function useSnapshotName(id: string): string | null {
  const snapshot = useQuery({ queryKey: queryKeys.snapshot(id), queryFn: () => api.snapshot(id), staleTime: 60_000 });
  return snapshot.data?.snapshot.name ?? null;
}
