"use client";

import { useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "@/lib/ui/api";
import { fleetChange, fleetChips, fleetCsvHref, fleetFilters, fleetSummary, formatCount, stateLabels, type CountsLike, type FleetUrl } from "@/lib/ui/fleet";
import type { FleetFilters, FleetPage, FleetSandbox } from "@/lib/client";
import { queryKeys } from "@/lib/ui/query-keys";
import { QueryError } from "@/components/app/QueryError";
import { SnapshotName } from "@/components/app/SnapshotName";
import { Notice } from "@/components/patches/Notice";
import { FleetChips } from "./FleetChips";
import { FleetRows } from "./FleetRows";
import { FleetSearch } from "./FleetSearch";
import { FleetChangedOffer } from "./FleetChangedOffer";
import { useFleetCounts, useFleetPages } from "./useFleet";

type Props = {
  snapshotId: string;
  url: FleetUrl;
  onChange: (change: Partial<FleetUrl>) => void;
  onPick: (sandbox: FleetSandbox) => void;
  onBack: () => void;
};

/** How many sandboxes match, when the counts say it exactly (one filter, or none). */
function matching(counts: CountsLike, f: FleetFilters): number | null {
  if (f.q) return null;
  if (f.state && f.status) return null;
  if (f.state) return counts.state[f.state] ?? 0;
  if (f.status) return counts.status[f.status] ?? 0;
  return counts.total;
}

/**
 * Every sandbox of a snapshot: chips and search narrow it, the list pages in as it scrolls. The
 * counts are live; the rows stay as loaded, and a change to the fleet is offered as a refresh.
 */
export function FleetList({ snapshotId, url, onChange, onPick, onBack }: Props) {
  const filters = useMemo(() => fleetFilters(url), [url]);
  const query = useFleetPages(snapshotId, filters);
  // Asked again with the list, so that both start from the same moment.
  const liveCounts = useFleetCounts(snapshotId, { fresh: true, patch: filters.patch === undefined ? undefined : String(filters.patch) });
  const queryClient = useQueryClient();
  // Bumped by a refresh: the rows start again at the top.
  const [generation, setGeneration] = useState(0);
  const patches = useQuery({ queryKey: queryKeys.patches(snapshotId, false), queryFn: () => api.listPatches(snapshotId), enabled: Boolean(filters.patch) });
  const patch = patches.data?.patches.find((p) => p.id === filters.patch);
  const [searchKey, setSearchKey] = useState(0);

  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.sandboxes) ?? [], [query.data]);
  // Counts cover the whole fleet whatever the filters: the live ones, else the newest page's.
  const listed = query.data?.pages[0]?.counts;
  const counts = liveCounts.data ?? query.data?.pages.at(-1)?.counts;
  const change = listed && liveCounts.data ? fleetChange(listed, liveCounts.data) : null;
  const refresh = () => {
    // From the top: only the first page is asked again, and the rows start over there.
    queryClient.setQueryData<InfiniteData<FleetPage>>(queryKeys.fleet(snapshotId, filters), (d) => d && { pages: d.pages.slice(0, 1), pageParams: d.pageParams.slice(0, 1) });
    void query.refetch();
    void liveCounts.refetch();
    setGeneration((g) => g + 1);
  };

  const clear = () => {
    setSearchKey((k) => k + 1);
    onChange({ state: null, status: null, q: null });
  };

  return (
    <section aria-label="Sandboxes of this snapshot" data-testid="fleet-list" className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="space-y-1">
        <button type="button" onClick={onBack} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
          ← Snapshot details
        </button>
        <h3 className="text-sm font-semibold break-all">
          Sandboxes of <SnapshotName id={snapshotId} />
        </h3>
        <p data-testid="fleet-total" data-total={counts?.total} className="text-sm text-slate-600 dark:text-slate-300">
          {counts ? fleetSummary(counts) : "Counting…"}
        </p>
      </div>

      {filters.patch && (
        <div className="flex items-center justify-between gap-2 rounded-md bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800">
          <span className="min-w-0 break-words">
            States against patch <span className="font-mono font-semibold">{patch ? `#${patch.sequence}` : filters.patch}</span>
            {patch?.description && <> · {patch.description}</>}
          </span>
          <button type="button" onClick={() => onChange({ patch: null, state: null })} className="shrink-0 text-indigo-700 hover:underline dark:text-indigo-300">
            all patches
          </button>
        </div>
      )}

      <FleetSearch key={searchKey} value={url.q ?? ""} onSearch={(q) => onChange({ q })} />
      {counts && (
        <div className="space-y-1.5">
          <FleetChips
            label="State"
            name="state"
            chips={fleetChips(counts, "state", Boolean(filters.patch), url.state)}
            allCount={counts.total}
            selected={url.state}
            onSelect={(state) => onChange({ state: state as FleetUrl["state"] })}
          />
          <FleetChips
            label="Status"
            name="status"
            chips={fleetChips(counts, "status", false, url.status)}
            allCount={counts.total}
            selected={url.status}
            onSelect={(status) => onChange({ status: status as FleetUrl["status"] })}
          />
        </div>
      )}

      {change && !query.isFetching && !liveCounts.isFetching && <FleetChangedOffer added={change.added} onRefresh={refresh} />}

      <div className="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span data-testid="fleet-loaded">
          {counts && `${formatCount(rows.length)} loaded${matching(counts, filters) !== null ? ` of ${formatCount(matching(counts, filters)!)}` : ""}`}
        </span>
        <a href={fleetCsvHref(snapshotId, filters)} download className="text-indigo-700 hover:underline dark:text-indigo-300" data-testid="fleet-csv">
          Download CSV
        </a>
      </div>

      {query.isPending ? (
        <div aria-busy aria-label="Loading the sandboxes" className="space-y-1">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-11 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
          ))}
        </div>
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} title="Could not load the sandboxes" />
      ) : rows.length === 0 ? (
        counts?.total === 0 ? (
          <Notice tone="info">No sandbox was started from this snapshot yet.</Notice>
        ) : (
          <div className="space-y-2">
            <Notice tone="info">
              No sandbox matches{url.state ? ` “${stateLabels[url.state] ?? url.state}”` : ""}
              {url.status ? ` with status “${url.status}”` : ""}
              {filters.q ? ` starting with “${filters.q}”` : ""}.
            </Notice>
            <button type="button" onClick={clear} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
              Clear the filters
            </button>
          </div>
        )
      ) : (
        <FleetRows
          key={`${JSON.stringify(filters)}/${generation}`}
          rows={rows}
          hasMore={Boolean(query.hasNextPage)}
          loadingMore={query.isFetchingNextPage}
          failed={query.isFetchNextPageError}
          onLoadMore={() => void query.fetchNextPage()}
          onPick={onPick}
        />
      )}
    </section>
  );
}
