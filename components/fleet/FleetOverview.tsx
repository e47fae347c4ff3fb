"use client";

import { fleetSummary } from "@/lib/ui/fleet";
import { useFleetCounts } from "./useFleet";

/** A snapshot panel's "Sandboxes" section: the exact fleet summary and the way into the full list. */
export function FleetOverview({ snapshotId, onOpen }: { snapshotId: string; onOpen: () => void }) {
  const counts = useFleetCounts(snapshotId);
  return (
    <section aria-label="Sandboxes" className="space-y-2">
      <h3 className="text-sm font-semibold">Sandboxes started from it</h3>
      {counts.isError ? (
        <p className="text-sm text-red-700 dark:text-red-300">
          Could not count them.{" "}
          <button type="button" onClick={() => counts.refetch()} className="underline">
            Retry
          </button>
        </p>
      ) : (
        <p data-testid="fleet-overview" className="text-sm text-slate-600 dark:text-slate-300">
          {counts.data ? fleetSummary(counts.data) : "Counting…"}
        </p>
      )}
      {counts.data?.total !== 0 && (
        <button
          type="button"
          onClick={onOpen}
          data-testid="open-fleet"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          List, filter and search them
        </button>
      )}
    </section>
  );
}
