"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { Branch } from "@/lib/graph/lineage-model";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { PatchStateBadge } from "@/components/app/PatchStateBadge";
import { StatusDot } from "@/components/app/StatusDot";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";
import { ReachLabel } from "./ReachLabel";

function branchHint(place: "chain" | "sibling", branch: Branch | null): string {
  if (place === "chain") return "on the chain";
  switch (branch?.state) {
    case undefined:
      return "▸ expand";
    case "loading":
      return "expanding…";
    case "empty":
      return "no snapshots of its own";
    case "error":
      return `could not expand: ${branch.message}`;
    case "ready":
      return "▾ expanded";
  }
}

function SandboxNodeView({ data }: NodeProps<GraphNodeOf<"sandbox">>) {
  const { id, name, place, branch, facts, basedOn } = data.node;
  return (
    <div
      {...nodeStateAttributes(data)}
      style={nodeSizes.sandbox}
      className={`relative flex flex-col justify-between rounded-2xl border bg-white px-3 py-2 text-left shadow-sm dark:bg-slate-900 ${
        place === "chain" ? "border-violet-300 dark:border-violet-800" : "border-dashed border-violet-300 dark:border-violet-700"
      } ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <ReachLabel reach={data.reach} />
      <div className="flex items-center justify-between gap-2 text-[10px] font-semibold tracking-wider text-violet-700 uppercase dark:text-violet-300">
        <span>
          <span aria-hidden>●</span> sandbox
        </span>
        <span className="font-normal tracking-normal text-slate-500 normal-case dark:text-slate-400">
          <StatusDot status={facts.status} />
        </span>
      </div>
      <div className="min-w-0">
        <div className="truncate text-sm font-semibold">{name ?? <span className="font-mono text-[13px]">{id}</span>}</div>
        {name && <div className="truncate font-mono text-[11px] text-slate-500 dark:text-slate-400">{id}</div>}
      </div>
      <div className="flex items-center justify-between gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <span className="max-w-[45%] shrink-0 truncate" title={branchHint(place, branch)}>
          {branchHint(place, branch)}
        </span>
        <PatchStateBadge state={facts} basedOn={basedOn} />
      </div>
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const SandboxNode = memo(SandboxNodeView);
