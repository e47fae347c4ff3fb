"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/lib/ui/api";
import { jumpState, type Jump } from "@/lib/ui/lineage-url";
import { queryKeys } from "@/lib/ui/query-keys";
import { useLineageUrlState } from "./useLineageUrlState";

/** The lookup behind a jump: one `ancestor?depth` or `ancestor?asOf` request. */
export const jumpQuery = (jump: Jump) => ({
  queryKey: queryKeys.ancestor(jump),
  queryFn: () => api.ancestor(jump.of, "depth" in jump ? { depth: String(jump.depth) } : { asOf: jump.asOf }),
  staleTime: 60_000,
});

/** Where the URL's jump lands (disabled without one). */
export const useJumpTarget = (jump: Jump | null) =>
  useQuery({ ...jumpQuery(jump ?? { of: "", depth: 0 }), enabled: jump !== null });

/**
 * Re-anchors the view (`go(jump)`) or returns to the page's own anchor (`go(null)`). Each is a
 * new history entry, so the browser's back button retraces the jumps; the URL is a link to the view.
 */
export function useGoTo() {
  const [, setUrlState] = useLineageUrlState();
  const queryClient = useQueryClient();
  return useCallback(
    async (jump: Jump | null) => {
      // Resolve first, so a miss (no snapshot then) is told where the user asked, and the view lands at once.
      if (jump) await queryClient.fetchQuery(jumpQuery(jump));
      await setUrlState(jumpState(jump), { history: "push" });
    },
    [queryClient, setUrlState],
  );
}
