"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { formatAge, formatExpiry } from "@/lib/ui/format";
import { formatGeneration } from "@/lib/graph/deep-chain";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { StatusDot } from "@/components/app/StatusDot";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";
import { ReachLabel } from "./ReachLabel";

const CURRENT_MEANS =
  "Current: the snapshot this view is anchored at. For a sandbox, the newest snapshot taken of it, or the one it was started from when none was taken.";

function SnapshotNodeView({ data }: NodeProps<GraphNodeOf<"snapshot">>) {
  const { snapshot, isAnchor } = data.node;
  const patches = snapshot.patchCount;
  return (
    <div
      {...nodeStateAttributes(data)}
      style={nodeSizes.snapshot}
      className={`relative flex flex-col justify-between rounded-md border border-l-4 bg-white px-3 py-2 text-left shadow-sm dark:bg-slate-900 ${
        isAnchor ? "border-indigo-300 border-l-indigo-600 bg-indigo-50/60 dark:border-indigo-800 dark:bg-indigo-950/40" : "border-slate-200 border-l-sky-500 dark:border-slate-700"
      } ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <ReachLabel reach={data.reach} />
      <div className="flex items-center justify-between gap-2 text-[10px] font-semibold tracking-wider whitespace-nowrap text-slate-500 uppercase dark:text-slate-400">
        <span className="flex items-center gap-1.5">
          <span aria-hidden>◆</span> snapshot
          <span data-testid="generation" className="font-mono font-normal tracking-normal normal-case" title="Generations below the root of its chain">
            gen {formatGeneration(snapshot.depth)}
          </span>
        </span>
        <span className="font-normal tracking-normal normal-case">
          <StatusDot status={snapshot.status} />
        </span>
      </div>
      <div className="min-w-0">
        {/* The badges sit beside the name, which gives way to them: the header row has no room left. */}
        <div className="flex items-center gap-1.5">
          <div className="min-w-0 truncate text-sm font-semibold">{snapshot.name ?? <span className="font-mono">{snapshot.id}</span>}</div>
          {snapshot.depth === 0 && <span className="shrink-0 rounded bg-slate-600 px-1.5 py-px text-[10px] text-white dark:bg-slate-500">root</span>}
          {isAnchor && (
            <span title={CURRENT_MEANS} className="shrink-0 cursor-help rounded bg-indigo-600 px-1.5 py-px text-[10px] text-white">
              current
            </span>
          )}
        </div>
        {snapshot.name && <div className="truncate font-mono text-[11px] text-slate-500 dark:text-slate-400">{snapshot.id}</div>}
      </div>
      <div className="flex items-center justify-between gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <span className="truncate" title={`created ${snapshot.createdAt}`}>
          {formatAge(snapshot.createdAt)} · {formatExpiry(snapshot.expiresAt)}
        </span>
        <span
          data-testid="patch-count"
          className={`shrink-0 rounded px-1.5 py-px font-medium ${patches > 0 ? "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
        >
          {patches === 1 ? "1 patch" : `${patches} patches`}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const SnapshotNode = memo(SnapshotNodeView);
