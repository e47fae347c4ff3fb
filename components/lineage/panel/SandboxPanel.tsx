"use client";

import Link from "next/link";
import { formatDateTime } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import { PatchStateBadge } from "@/components/app/PatchStateBadge";
import { QueryError } from "@/components/app/QueryError";
import { SandboxPatchStates } from "@/components/patches/SandboxPatchStates";
import { useSandbox } from "../useBranches";
import { DetailRow } from "./DetailRow";
import { PanelDetails } from "./PanelDetails";
import { SnapshotLink } from "./SnapshotLink";

type Props = { sandboxId: string; onSelect: (id: string) => void; onCollapseBranch?: () => void };

export function SandboxPanel({ sandboxId, onSelect, onCollapseBranch }: Props) {
  const zone = useTimeZone();
  const query = useSandbox(sandboxId);
  if (query.isPending) return <div className="h-40 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} title="Could not load this sandbox" />;
  const b = query.data.sandbox;
  return (
    <div className="space-y-5">
      <PanelDetails kind="sandbox" id={b.id} name={b.name} status={b.status}>
        <DetailRow label="Patches">
          <PatchStateBadge state={b} basedOn={b.basedOnSnapshotId} />
        </DetailRow>
        <DetailRow label="Based on">{b.basedOnSnapshotId ? <SnapshotLink id={b.basedOnSnapshotId} onSelect={onSelect} /> : "— (from scratch)"}</DetailRow>
        <DetailRow label="Current snapshot">
          {b.currentSnapshotId && b.currentSnapshotId !== b.basedOnSnapshotId ? <SnapshotLink id={b.currentSnapshotId} onSelect={onSelect} /> : "none taken"}
        </DetailRow>
        <DetailRow label="Created">{formatDateTime(b.createdAt, zone)}</DetailRow>
        <DetailRow label="Last update">{formatDateTime(b.updatedAt, zone)}</DetailRow>
      </PanelDetails>
      <Link
        href={`/lineage/${encodeURIComponent(b.name ?? b.id)}`}
        className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Open the lineage anchored at this sandbox
      </Link>
      {onCollapseBranch && (
        <button
          type="button"
          onClick={onCollapseBranch}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Hide its snapshots in the graph
        </button>
      )}
      <SandboxPatchStates sandboxId={b.id} />
    </div>
  );
}
