"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { formatCount } from "@/lib/ui/fleet";
import { useFleetCounts } from "@/components/fleet/useFleet";
import type { GraphNodeOf } from "./types";
import { nodeChrome, nodeStateAttributes } from "./nodeChrome";

/**
 * Every sandbox of a snapshot beyond the newest drawn, as one node: the exact total and how many
 * failed or wait for a patch (the API's counts). Opening it lists them all in the side panel.
 */
function MoreSiblingsNodeView({ data }: NodeProps<GraphNodeOf<"moreSiblings">>) {
  const counts = useFleetCounts(data.node.basedOn);
  const c = counts.data;
  const failed = c?.state.failed ?? 0;
  const pending = c?.state.pending ?? 0;
  return (
    <div
      {...nodeStateAttributes(data)}
      data-testid="fleet-group"
      data-total={c?.total}
      style={nodeSizes.moreSiblings}
      title={`All the sandboxes started from this snapshot; the ${data.node.shown} newest are drawn. Open to list, filter and search them.`}
      className={`flex cursor-pointer flex-col justify-center gap-0.5 rounded-2xl border border-dashed border-violet-300 bg-violet-50/60 px-3 text-left hover:bg-violet-50 dark:border-violet-800 dark:bg-violet-950/30 dark:hover:bg-violet-950/50 ${nodeChrome(data)}`}
    >
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <span className="text-[10px] font-semibold tracking-wider text-violet-700 uppercase dark:text-violet-300">
        <span aria-hidden>●●●</span> fleet
      </span>
      {c ? (
        <>
          <span className="text-sm font-semibold tabular-nums">{`${formatCount(c.total)} sandboxes`}</span>
          <span className="flex gap-2 text-[11px] tabular-nums">
            {failed > 0 && <span className="text-red-700 dark:text-red-300">{`${formatCount(failed)} failed`}</span>}
            {pending > 0 && <span className="text-amber-700 dark:text-amber-300">{`${formatCount(pending)} pending`}</span>}
            {failed === 0 && pending === 0 && <span className="text-emerald-700 dark:text-emerald-300">all up to date</span>}
            <span className="ml-auto text-slate-500 dark:text-slate-400">list ▸</span>
          </span>
        </>
      ) : (
        <>
          <span className="text-sm font-semibold">{`${data.node.shown}+ sandboxes`}</span>
          <span className="text-[11px] text-slate-500 dark:text-slate-400">{counts.isError ? "counts unavailable · open to list" : "counting…"}</span>
        </>
      )}
    </div>
  );
}

export const MoreSiblingsNode = memo(MoreSiblingsNodeView);
