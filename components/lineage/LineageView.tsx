"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Role } from "@/lib/contract/enums";
import { api, isNotFound } from "@/lib/ui/api";
import { queryKeys } from "@/lib/ui/query-keys";
import { resolveAnchor, type AnchorSources } from "@/lib/ui/resolve-anchor";
import { QueryError } from "@/components/app/QueryError";
import { NotFoundState } from "@/components/app/NotFoundState";
import { LineageWorkspace } from "./LineageWorkspace";

const fromApi: AnchorSources = {
  snapshot: async (ref) => (await api.snapshot(ref)).snapshot,
  sandbox: async (ref) => (await api.sandbox(ref)).sandbox,
  isNotFound,
};

/** Resolves /lineage/{ref} to its anchor snapshot, with a designed state for every way that can go. */
export function LineageView({ refParam, role }: { refParam: string; role: Role }) {
  const resolved = useQuery({ queryKey: queryKeys.resolve(refParam), queryFn: () => resolveAnchor(refParam, fromApi), staleTime: 60_000 });

  if (resolved.isPending) {
    return <p aria-busy className="flex flex-1 items-center justify-center text-sm text-slate-500">Finding “{refParam}”…</p>;
  }
  if (resolved.isError) {
    if (isNotFound(resolved.error)) return <NotFoundState what={refParam} />;
    return (
      <div className="mx-auto w-full max-w-lg px-4 py-16">
        <QueryError error={resolved.error} onRetry={() => resolved.refetch()} title={`Could not open “${refParam}”`} />
      </div>
    );
  }
  const anchor = resolved.data;
  if (anchor.anchorId === null) {
    const name = anchor.kind === "sandbox" ? (anchor.sandbox.name ?? anchor.sandbox.id) : refParam;
    return (
      <div className="mx-auto max-w-lg px-4 py-16 text-center" data-testid="no-lineage">
        <div aria-hidden className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-violet-100 text-xl text-violet-700 dark:bg-violet-950 dark:text-violet-300">●</div>
        <h1 className="text-xl font-semibold">{name} has no lineage yet</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          This sandbox was started from scratch and no snapshot has been taken of it. Its lineage appears here once the platform
          reports its first snapshot.
        </p>
        <Link href="/" className="mt-6 inline-block text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Back to search
        </Link>
      </div>
    );
  }
  const title = anchor.kind === "sandbox" ? (anchor.sandbox.name ?? anchor.sandbox.id) : (anchor.snapshot.name ?? anchor.snapshot.id);
  // What was asked for is what gets selected: the sandbox itself, not only its current snapshot.
  const landingId = anchor.kind === "sandbox" ? anchor.sandbox.id : anchor.snapshot.id;
  const currentMeans =
    anchor.kind === "snapshot"
      ? `the snapshot this view is opened at (${title})`
      : anchor.sandbox.currentSnapshotId === anchor.sandbox.basedOnSnapshotId
        ? `the snapshot ${title} was started from (none has been taken of it yet)`
        : `the newest snapshot taken of ${title}`;
  return (
    <LineageWorkspace
      key={anchor.anchorId}
      anchorId={anchor.anchorId}
      landingId={landingId}
      refParam={refParam}
      currentMeans={currentMeans}
      role={role}
      title={title}
    />
  );
}
