"use client";

import { useQueries } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { DrawnSandbox } from "@/lib/graph/lineage-model";
import { sandboxQuery } from "./useBranches";

/**
 * Sandboxes picked from a fleet list, each drawn beside its snapshot once its details arrive
 * (the same cache entry the side panel reads). `initial` reopens a shared link's pick.
 */
export function useDrawnSandboxes(initial: { snapshotId: string; sandboxId: string } | null) {
  const [picked, setPicked] = useState<readonly { snapshotId: string; sandboxId: string }[]>(initial ? [initial] : []);
  const details = useQueries({
    queries: picked.map((p) => sandboxQuery(p.sandboxId)),
    combine: (results) => results.map((r) => r.data?.sandbox),
  });

  const drawn = useMemo(() => {
    const out = new Map<string, DrawnSandbox[]>();
    picked.forEach(({ snapshotId }, i) => {
      const s = details[i];
      if (!s || s.basedOnSnapshotId !== snapshotId) return;
      const { status, lastPatchSequence, pendingPatches, failedAtSequence } = s;
      out.set(snapshotId, [...(out.get(snapshotId) ?? []), { id: s.id, name: s.name, facts: { status, lastPatchSequence, pendingPatches, failedAtSequence } }]);
    });
    return out;
  }, [picked, details]);

  const pick = useCallback((snapshotId: string, sandboxId: string) => {
    setPicked((prev) => (prev.some((p) => p.sandboxId === sandboxId) ? prev : [...prev, { snapshotId, sandboxId }]));
  }, []);

  return { drawn, pick };
}
