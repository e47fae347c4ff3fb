"use client";

import { useQuery } from "@tanstack/react-query";
import type { Role } from "@/lib/contract/enums";
import type { ReachEntry } from "@/lib/graph/lineage-model";
import { api } from "@/lib/ui/api";
import { formatBytes, formatDateTime, formatExpiry } from "@/lib/ui/format";
import { useTimeZone } from "@/components/app/useTimeZone";
import { attachPermission, patchPermission } from "@/lib/ui/permissions";
import { QueryError } from "@/components/app/QueryError";
import { AttachPatchForm } from "@/components/patches/AttachPatchForm";
import { SnapshotPatches } from "@/components/patches/SnapshotPatches";
import { formatGeneration } from "@/lib/graph/deep-chain";
import { DetailRow } from "./DetailRow";
import { GenerationJump } from "./GenerationJump";
import { PanelDetails } from "./PanelDetails";
import { NodeLink } from "./NodeLink";
import { SnapshotLink } from "./SnapshotLink";
import { queryKeys } from "@/lib/ui/query-keys";
import type { FleetUrl } from "@/lib/ui/fleet";
import { FleetOverview } from "@/components/fleet/FleetOverview";

type Props = {
  snapshotId: string;
  role: Role;
  reachPreview: ReachEntry[] | null;
  onSelect: (id: string) => void;
  onComposingChange: (snapshotId: string | null) => void;
  onOpenFleet: (filters: Partial<FleetUrl>) => void;
};

export function SnapshotPanel({ snapshotId, role, reachPreview, onSelect, onComposingChange, onOpenFleet }: Props) {
  const zone = useTimeZone();
  const query = useQuery({ queryKey: queryKeys.snapshot(snapshotId), queryFn: () => api.snapshot(snapshotId) });
  if (query.isPending) return <div className="h-40 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} title="Could not load this snapshot" />;
  const s = query.data.snapshot;
  return (
    <div className="space-y-5">
      <PanelDetails kind="snapshot" id={s.id} name={s.name} status={s.status}>
        <DetailRow label="Size">{formatBytes(s.sizeBytes)}</DetailRow>
        <DetailRow label="Created">{formatDateTime(s.createdAt, zone)}</DetailRow>
        <DetailRow label="Expiry">{s.expiresAt ? `${formatDateTime(s.expiresAt, zone)} (${formatExpiry(s.expiresAt)})` : "never"}</DetailRow>
        <DetailRow label="Taken of">{s.sourceSandbox ? <NodeLink id={s.sourceSandbox.id} name={s.sourceSandbox.name} onSelect={onSelect} /> : "— (base image)"}</DetailRow>
        <DetailRow label="Parent">{s.parentId ? <SnapshotLink id={s.parentId} onSelect={onSelect} /> : "—"}</DetailRow>
        <DetailRow label="Generation">{s.depth === 0 ? "0 (the root)" : <>{formatGeneration(s.depth)} · root <SnapshotLink id={s.rootId} onSelect={onSelect} /></>}</DetailRow>
      </PanelDetails>
      <GenerationJump snapshot={s} />
      <FleetOverview snapshotId={s.id} onOpen={() => onOpenFleet({})} />
      <AttachPatchForm
        snapshotId={s.id}
        permission={attachPermission(role, s.status)}
        reachPreview={reachPreview}
        onComposingChange={onComposingChange}
      />
      <SnapshotPatches
        snapshotId={s.id}
        removePermission={patchPermission(role, "removing patches")}
        onOpenRollout={(patch, state) => onOpenFleet({ patch, state })}
      />
    </div>
  );
}
