"use client";

import { formatCount } from "@/lib/ui/fleet";
import { useFleetCounts } from "@/components/fleet/useFleet";

/**
 * Before attaching: exactly how many sandboxes the patch will reach. A new patch takes the next
 * sequence, above every sandbox's lastPatchSequence, so it reaches each sandbox started from the
 * snapshot: the fleet's exact total, as the API counts it.
 */
export function AttachReach({ snapshotId }: { snapshotId: string }) {
  const counts = useFleetCounts(snapshotId, { fresh: true });
  const total = counts.data?.total;
  return (
    <p data-testid="attach-reach" data-count={total} className="text-xs text-amber-900 dark:text-amber-200">
      {total === undefined ? (
        counts.isError ? (
          "Could not count the sandboxes it will reach; it reaches every sandbox started from this snapshot."
        ) : (
          "Counting the sandboxes it will reach…"
        )
      ) : (
        <>
          Reaches exactly <strong className="tabular-nums">{formatCount(total)}</strong> {total === 1 ? "sandbox" : "sandboxes"} on their next wake: every
          one started from this snapshot, and only those (one level deep). The graph highlights them.
        </>
      )}
    </p>
  );
}
