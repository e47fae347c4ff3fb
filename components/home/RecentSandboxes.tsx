"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";
import { formatAge } from "@/lib/ui/format";
import { PatchStateBadge } from "@/components/app/PatchStateBadge";
import { QueryError } from "@/components/app/QueryError";
import { SnapshotName } from "@/components/app/SnapshotName";
import { StatusDot } from "@/components/app/StatusDot";
import { queryKeys } from "@/lib/ui/query-keys";

const LIMIT = 12;

/** The most recently active sandboxes, each a link to its lineage. */
export function RecentSandboxes() {
  const recent = useQuery({ queryKey: queryKeys.recent(LIMIT), queryFn: () => api.recentSandboxes(LIMIT) });

  if (recent.isPending) {
    return (
      <ul aria-busy className="divide-y divide-slate-200 dark:divide-slate-800">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="h-14 animate-pulse bg-slate-100/60 dark:bg-slate-900/60" />
        ))}
      </ul>
    );
  }
  if (recent.isError) return <QueryError error={recent.error} onRetry={() => recent.refetch()} title="Could not load recent sandboxes" />;
  if (recent.data.sandboxes.length === 0) {
    return <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No sandboxes yet. They appear here as the platform reports them.</p>;
  }
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Recent sandboxes">
      {recent.data.sandboxes.map((s) => (
        <li key={s.id}>
          <Link
            href={`/lineage/${encodeURIComponent(s.name ?? s.id)}`}
            className="flex items-center gap-3 px-2 py-3 hover:bg-slate-100 sm:px-3 dark:hover:bg-slate-900"
          >
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{s.name ?? <span className="font-mono text-sm">{s.id}</span>}</span>
              <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                {s.name && <span className="font-mono">{s.id} · </span>}
                {s.basedOnSnapshotId ? (
                  <>
                    on <SnapshotName id={s.basedOnSnapshotId} />
                  </>
                ) : (
                  "from scratch"
                )}
              </span>
            </span>
            <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">
              <StatusDot status={s.status} />
            </span>
            <PatchStateBadge state={s} basedOn={s.basedOnSnapshotId} />
            <span className="hidden w-20 text-right text-xs text-slate-500 dark:text-slate-400 sm:block">{formatAge(s.updatedAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
