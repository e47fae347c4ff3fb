"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { LoadTarget } from "@/lib/graph/lineage-model";
import { nodeSizes } from "@/lib/graph/node-sizes";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";

const labels: Record<LoadTarget["kind"], string> = {
  ancestors: "↑ Load more ancestors",
  descendants: "↓ Load more descendants",
  rootSide: "↓ Load the next generations",
  branch: "↓ Load more of this branch",
};

/** The end of a chain that has more pages: clicking (or Enter) fetches the next one. */
function LoadMoreNodeView({ data }: NodeProps<GraphNodeOf<"loadMore">>) {
  const { target, loading, failed } = data.node;
  return (
    <div
      role="button"
      {...nodeStateAttributes(data)}
      aria-busy={loading}
      style={nodeSizes.loadMore}
      className={`flex items-center justify-center rounded-full border text-sm font-medium shadow-sm ${
        failed
          ? "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          : "border-indigo-200 bg-indigo-50 text-indigo-700 hover:bg-indigo-100 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900"
      } ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      {loading ? "Loading…" : failed ? "Could not load — click to retry" : labels[target.kind]}
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const LoadMoreNode = memo(LoadMoreNodeView);
