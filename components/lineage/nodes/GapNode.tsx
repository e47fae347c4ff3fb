"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { formatGeneration } from "@/lib/graph/deep-chain";
import { nodeSizes } from "@/lib/graph/node-sizes";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";

/** The generations of a deep chain between its root side and the loaded ancestors, counted exactly. */
function GapNodeView({ data }: NodeProps<GraphNodeOf<"gap">>) {
  const { missing, fromDepth } = data.node;
  const range = missing === 1 ? `gen ${formatGeneration(fromDepth)}` : `gen ${formatGeneration(fromDepth)} – ${formatGeneration(fromDepth + missing - 1)}`;
  return (
    <div
      {...nodeStateAttributes(data)}
      data-testid="gap-node"
      data-missing={missing}
      style={nodeSizes.gap}
      title="Load them from either side, or jump to a generation from a snapshot's panel."
      className={`flex cursor-default flex-col items-center justify-center rounded-xl border-2 border-dotted border-slate-300 bg-slate-50/80 text-center dark:border-slate-600 dark:bg-slate-900/80 ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <span className="text-sm font-semibold text-slate-700 dark:text-slate-200">
        ⋮ {formatGeneration(missing)} {missing === 1 ? "generation" : "generations"} not loaded
      </span>
      <span className="text-[11px] text-slate-500 dark:text-slate-400">{range}</span>
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const GapNode = memo(GapNodeView);
