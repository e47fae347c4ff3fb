"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";
import { formatDateTime } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import type { Jump } from "@/lib/ui/lineage-url";
import { queryKeys } from "@/lib/ui/query-keys";

/** An "as of" before the chain began: says so, when it did begin, and (in the view) leads back. */
export function JumpMiss({ jump, onBack }: { jump: Jump; onBack?: () => void }) {
  const zone = useTimeZone();
  const from = useQuery({ queryKey: queryKeys.snapshot(jump.of), queryFn: () => api.snapshot(jump.of) });
  const rootId = from.data?.snapshot.rootId;
  const root = useQuery({ queryKey: queryKeys.snapshot(rootId ?? ""), queryFn: () => api.snapshot(rootId!), enabled: Boolean(rootId) });
  const when = "asOf" in jump ? formatDateTime(jump.asOf, zone) : "then";
  return (
    <div role="status" data-testid="jump-miss" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-medium">No snapshot of this chain existed yet on {when}.</p>
      <p className="mt-1">
        {root.data
          ? `Its oldest snapshot, the root ${root.data.snapshot.name ?? root.data.snapshot.id}, was taken on ${formatDateTime(root.data.snapshot.createdAt, zone)}. Pick that time or later.`
          : "Pick a later time."}
      </p>
      {onBack && (
        <button type="button" onClick={onBack} className="mt-3 rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-500">
          ← Back to the lineage
        </button>
      )}
    </div>
  );
}
