"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { nodeSizes } from "@/lib/graph/node-sizes";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";

/** Stands for the sandboxes beyond the newest ten the walk returns ("10+"). */
function MoreSiblingsNodeView({ data }: NodeProps<GraphNodeOf<"moreSiblings">>) {
  return (
    <div
      {...nodeStateAttributes(data)}
      style={nodeSizes.moreSiblings}
      title={`More than ${data.node.shown} sandboxes were started from this snapshot; the ${data.node.shown} newest are drawn.`}
      className={`flex cursor-default flex-col items-center justify-center rounded-2xl border border-dashed border-slate-300 bg-slate-50 text-center dark:border-slate-700 dark:bg-slate-900 ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <span className="text-sm font-semibold text-slate-700 dark:text-slate-200">+ more</span>
      <span className="text-[11px] text-slate-500 dark:text-slate-400">{`${data.node.shown}+ sandboxes, newest ${data.node.shown} shown`}</span>
    </div>
  );
}

export const MoreSiblingsNode = memo(MoreSiblingsNodeView);
