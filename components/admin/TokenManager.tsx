"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "@/lib/ui/api";
import { formatDateTime } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import { roles, type Role } from "@/lib/contract/enums";
import { CopyButton } from "@/components/app/CopyButton";
import { QueryError } from "@/components/app/QueryError";
import { RoleBadge } from "@/components/app/RoleBadge";
import { Notice } from "@/components/patches/Notice";
import { queryKeys } from "@/lib/ui/query-keys";

/** Create tokens (the secret is shown once, here) and revoke them. */
export function TokenManager() {
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.tokens(), queryFn: () => api.tokens() });
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.tokens() }), queryClient.invalidateQueries({ queryKey: queryKeys.audit() })]);
  const create = useMutation({
    mutationFn: () => api.createToken({ role, name: name.trim() }),
    onSuccess: () => {
      setName("");
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api.revokeToken(id), onSuccess: refresh });

  return (
    <section aria-labelledby="tokens-title" className="space-y-3">
      <h2 id="tokens-title" className="text-lg font-semibold">
        Tokens
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="flex flex-col text-sm">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            placeholder="support-alice"
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="flex flex-col text-sm">
          Role
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          >
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={create.isPending || name.trim() === ""}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      {create.isError && <Notice tone="error">{errorMessage(create.error)}</Notice>}
      {create.data && (
        <Notice tone="success">
          Token <strong>{create.data.name}</strong> ({create.data.role}) created. Copy it now — it is not shown again:{" "}
          <code data-testid="new-token" className="font-mono break-all">
            {create.data.token}
          </code>{" "}
          <CopyButton value={create.data.token} label="Copy token" />
        </Notice>
      )}
      {revoke.isError && <Notice tone="error">{errorMessage(revoke.error)}</Notice>}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} title="Could not load tokens" />
      ) : list.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading tokens…</p>
      ) : (
        <ul data-testid="token-list" className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {list.data.tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium">{t.name}</span>
              <RoleBadge role={t.role} />
              <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.id}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">created {formatDateTime(t.createdAt, zone)}</span>
              <span className="flex-1" />
              {t.revokedAt ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">revoked {formatDateTime(t.revokedAt, zone)}</span>
              ) : (
                <button
                  type="button"
                  disabled={revoke.isPending}
                  onClick={() => {
                    if (window.confirm(`Revoke token "${t.name}"? Anything using it stops working at once.`)) revoke.mutate(t.id);
                  }}
                  className="rounded-md border border-red-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
