"use client";

import Link from "next/link";
import { formatDateTime } from "@/lib/ui/format";
import { CopyButton } from "@/components/app/CopyButton";
import { PatchStateBadge } from "@/components/app/PatchStateBadge";
import { QueryError } from "@/components/app/QueryError";
import { StatusDot } from "@/components/app/StatusDot";
import { SandboxPatchStates } from "@/components/patches/SandboxPatchStates";
import { useSandbox } from "../useBranches";
import { DetailRow } from "./DetailRow";
import { NodeLink } from "./NodeLink";

export function SandboxPanel({ sandboxId, onSelect }: { sandboxId: string; onSelect: (id: string) => void }) {
  const query = useSandbox(sandboxId);
  if (query.isPending) return <div className="h-40 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} title="Could not load this sandbox" />;
  const b = query.data.sandbox;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-[11px] font-semibold tracking-wider text-violet-700 uppercase dark:text-violet-300">● Sandbox</p>
        <h2 className="truncate text-lg font-semibold">{b.name ?? b.id}</h2>
      </div>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <DetailRow label="Id">
          <code className="truncate text-xs">{b.id}</code>
          <CopyButton value={b.id} />
        </DetailRow>
        <DetailRow label="Status">
          <StatusDot status={b.status} />
        </DetailRow>
        <DetailRow label="Patches">
          <PatchStateBadge state={b} />
        </DetailRow>
        <DetailRow label="Based on">{b.basedOnSnapshotId ? <NodeLink id={b.basedOnSnapshotId} name={null} onSelect={onSelect} /> : "— (from scratch)"}</DetailRow>
        <DetailRow label="Current snapshot">
          {b.currentSnapshotId && b.currentSnapshotId !== b.basedOnSnapshotId ? <NodeLink id={b.currentSnapshotId} name={null} onSelect={onSelect} /> : "none taken"}
        </DetailRow>
        <DetailRow label="Created">{formatDateTime(b.createdAt)}</DetailRow>
        <DetailRow label="Last update">{formatDateTime(b.updatedAt)}</DetailRow>
      </dl>
      <Link
        href={`/lineage/${encodeURIComponent(b.name ?? b.id)}`}
        className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Open the lineage anchored at this sandbox
      </Link>
      <SandboxPatchStates sandboxId={b.id} />
    </div>
  );
}
