"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";
import { formatDateTime } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import { QueryError } from "@/components/app/QueryError";
import { RoleBadge } from "@/components/app/RoleBadge";
import { queryKeys } from "@/lib/ui/query-keys";
import { NextPageButton } from "./NextPageButton";

const PAGE = 50;

/** Every write, newest first, fifty at a time. Details are shown as text, never as markup. */
export function AuditLog() {
  const zone = useTimeZone();
  const audit = useInfiniteQuery({
    queryKey: queryKeys.audit(),
    queryFn: ({ pageParam }) => api.audit({ limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.next ?? undefined,
  });
  const events = audit.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title" className="mb-3 text-lg font-semibold">
        Audit log
      </h2>
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => audit.refetch()} title="Could not load the audit log" />
      ) : audit.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading the audit log…</p>
      ) : events.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No writes recorded yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table data-testid="audit-table" className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500 uppercase dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th className="px-3 py-2">When</th>
                <th className="px-3 py-2">Who</th>
                <th className="px-3 py-2">Action</th>
                <th className="px-3 py-2">Target</th>
                <th className="px-3 py-2">Details</th>
                <th className="px-3 py-2">Request</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {events.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap" title={e.createdAt}>
                    {formatDateTime(e.createdAt, zone)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span title={e.actorId}>{e.actor}</span> <RoleBadge role={e.actorRole} />
                    {e.actorUser && (
                      <span className="block text-xs text-slate-500 dark:text-slate-400" data-testid="audit-actor-user">
                        {e.actorUser.email ?? "no email"} · sub {e.actorUser.subject}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.target.id}</td>
                  <td className="max-w-64 truncate px-3 py-2 font-mono text-xs" title={JSON.stringify(e.details)}>
                    {JSON.stringify(e.details)}
                  </td>
                  <td className="max-w-32 truncate px-3 py-2 font-mono text-xs text-slate-500 dark:text-slate-400" title={e.requestId}>
                    {e.requestId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPageButton pages={audit} label="Load older events" className="mt-3" />
    </section>
  );
}
