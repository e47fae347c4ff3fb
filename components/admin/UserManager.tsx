"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "@/lib/ui/api";
import { formatDateTime } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import { QueryError } from "@/components/app/QueryError";
import { RoleBadge } from "@/components/app/RoleBadge";
import { Notice } from "@/components/patches/Notice";
import { queryKeys } from "@/lib/ui/query-keys";
import { NextPageButton } from "./NextPageButton";

/** People who signed in through the identity provider: who, role, last seen, active sessions, and "End sessions". */
export function UserManager() {
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: queryKeys.users(),
    queryFn: ({ pageParam }) => api.users(pageParam ? { cursor: pageParam } : {}),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.pagination.next,
  });
  const end = useMutation({
    mutationFn: (id: string) => api.endUserSessions(id),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.users() }), queryClient.invalidateQueries({ queryKey: queryKeys.audit() })]),
  });
  const users = list.data?.pages.flatMap((p) => p.users) ?? [];

  return (
    <section aria-labelledby="users-title" className="space-y-3">
      <h2 id="users-title" className="text-lg font-semibold">
        Users
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">People signed in through the identity provider. Their role follows their groups at each sign-in.</p>
      {end.isError && <Notice tone="error">{errorMessage(end.error)}</Notice>}
      {end.data && (
        <Notice tone="success">
          Ended {end.data.endedSessions} session{end.data.endedSessions === 1 ? "" : "s"} of {end.data.user.email ?? end.data.user.subject}.
        </Notice>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} title="Could not load users" />
      ) : list.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading users…</p>
      ) : users.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nobody has signed in through the identity provider yet.</p>
      ) : (
        <ul data-testid="user-list" className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {users.map((u) => (
            <li key={u.id} data-testid="user-item" className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium">{u.email ?? u.subject}</span>
              {u.name && <span className="text-slate-600 dark:text-slate-300">{u.name}</span>}
              <RoleBadge role={u.role} />
              <span className="font-mono text-xs text-slate-500 dark:text-slate-400" title={u.issuer}>
                sub {u.subject}
              </span>
              <span className="text-xs text-slate-500 dark:text-slate-400">last seen {formatDateTime(u.lastSeenAt, zone)}</span>
              <span className="flex-1" />
              <span data-testid="active-sessions" className="text-xs text-slate-600 dark:text-slate-300">
                {u.activeSessions} active session{u.activeSessions === 1 ? "" : "s"}
              </span>
              <button
                type="button"
                disabled={end.isPending || u.activeSessions === 0}
                onClick={() => {
                  if (window.confirm(`End every session of ${u.email ?? u.subject}? They must sign in again.`)) end.mutate(u.id);
                }}
                className="rounded-md border border-red-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
              >
                End sessions
              </button>
            </li>
          ))}
        </ul>
      )}
      <NextPageButton pages={list} label="More users" />
    </section>
  );
}
