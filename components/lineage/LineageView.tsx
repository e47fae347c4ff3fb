"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Role } from "@/lib/contract/enums";
import { api, isNotFound } from "@/lib/ui/api";
import { queryKeys } from "@/lib/ui/query-keys";
import { resolveAnchor, type AnchorSources } from "@/lib/ui/resolve-anchor";
import { QueryError } from "@/components/app/QueryError";
import { NotFoundState } from "@/components/app/NotFoundState";
import { jumpOf } from "@/lib/ui/lineage-url";
import { JumpMiss } from "./JumpMiss";
import { useTimeZone } from "@/components/app/useTimeZone";
import { jumpLabel, isNoSnapshotThen } from "@/lib/ui/jump-label";
import { LineageWorkspace } from "./LineageWorkspace";
import { useGoTo, useJumpTarget } from "./useJump";
import { useLineageUrlState } from "./useLineageUrlState";

const fromApi: AnchorSources = {
  snapshot: async (ref) => (await api.snapshot(ref)).snapshot,
  sandbox: async (ref) => (await api.sandbox(ref)).sandbox,
  isNotFound,
};

/**
 * Resolves /lineage/{ref} to its anchor snapshot, or to where the URL's jump (a generation, a
 * date) lands from there, with a designed state for every way that can go.
 */
export function LineageView({ refParam, role }: { refParam: string; role: Role }) {
  const zone = useTimeZone();
  const resolved = useQuery({ queryKey: queryKeys.resolve(refParam), queryFn: () => resolveAnchor(refParam, fromApi), staleTime: 60_000 });
  const [urlState] = useLineageUrlState();
  const baseAnchorId = resolved.data?.anchorId ?? null;
  const jump = baseAnchorId ? jumpOf(urlState, baseAnchorId) : null;
  const target = useJumpTarget(jump);
  const goTo = useGoTo();

  if (resolved.isPending) {
    return <p aria-busy className="flex flex-1 items-center justify-center text-sm text-slate-500 dark:text-slate-400">Finding “{refParam}”…</p>;
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
  const workspace = { refParam, role, title };
  if (!jump) {
    return <LineageWorkspace key={anchor.anchorId} anchorId={anchor.anchorId} landingId={landingId} currentMeans={currentMeans} trail={null} {...workspace} />;
  }

  const back = () => void goTo(null);
  if (target.isPending) {
    return <p aria-busy className="flex flex-1 items-center justify-center text-sm text-slate-500 dark:text-slate-400">Finding {jumpLabel(jump, zone)}…</p>;
  }
  if (target.isError) {
    return (
      <div className="mx-auto w-full max-w-lg px-4 py-16">
        {isNoSnapshotThen(target.error) ? (
          <JumpMiss jump={jump} onBack={back} />
        ) : (
          <QueryError error={target.error} onRetry={() => target.refetch()} title={`Could not find ${jumpLabel(jump, zone)}`} />
        )}
      </div>
    );
  }
  const landed = target.data.snapshot;
  return (
    <LineageWorkspace
      key={landed.id}
      anchorId={landed.id}
      landingId={landed.id}
      currentMeans={`the snapshot ${jumpLabel(jump, zone)} leads to`}
      trail={{ label: jumpLabel(jump, zone), onBack: back }}
      {...workspace}
    />
  );
}
