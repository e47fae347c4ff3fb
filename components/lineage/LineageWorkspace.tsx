"use client";

import { ReactFlowProvider } from "@xyflow/react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Role } from "@/lib/contract/enums";
import { buildLineageGraph, reachMarks, type LineageNode } from "@/lib/graph/lineage-model";
import { QueryError } from "@/components/app/QueryError";
import { LineageGraph } from "./LineageGraph";
import { GraphLegend } from "./GraphLegend";
import type { JumpTrail } from "./JumpBreadcrumb";
import { useBranches } from "./useBranches";
import { useLineageChain } from "./useLineageChain";
import { useLineageUrlState } from "./useLineageUrlState";
import { useDrawnSandboxes } from "./useDrawnSandboxes";
import { isTypingTarget } from "@/lib/ui/keyboard";
import type { FleetUrl } from "@/lib/ui/fleet";
import type { FleetSandbox } from "@/lib/client";
import { noFleetList } from "@/lib/ui/lineage-url";

// The panel (patch forms and lists) loads with the first selection, keeping the graph's first load small.
const SidePanel = dynamic(() => import("./panel/SidePanel").then((m) => m.SidePanel), {
  loading: () => <div aria-busy className="hidden w-[400px] shrink-0 border-l border-slate-200 md:block dark:border-slate-800" />,
});

/** `trail`: set when the view was re-anchored by a jump (a generation, a date), with the way back. */
type Props = { anchorId: string; role: Role; title: string; trail: JumpTrail | null };

export function LineageWorkspace({ anchorId, role, title, trail }: Props) {
  const chain = useLineageChain(anchorId);
  const { branches, expand, collapse, loadMore: loadMoreBranch } = useBranches();
  // `?node=` holds the selection and `?fleet=` (with its filters) an open fleet list, so a link reopens the same view.
  const [url, setUrlState] = useLineageUrlState();
  const selectedId = url.node;
  const fleet = url.fleet ? { snapshotId: url.fleet, url: { state: url.state, status: url.status, q: url.q, patch: url.patch } } : null;
  // Selecting anything in the graph or the panel's links leaves the fleet list.
  const select = useCallback((id: string | null) => void setUrlState({ node: id, ...noFleetList }), [setUrlState]);
  const openFleet = (snapshotId: string, filters: Partial<FleetUrl> = {}) =>
    void setUrlState({ node: snapshotId, ...noFleetList, fleet: snapshotId, ...filters });
  const [focusedId, setFocusedId] = useState(selectedId ?? anchorId);
  // A link to a sandbox picked from a list draws it again.
  const { drawn, pick } = useDrawnSandboxes(url.fleet && selectedId?.startsWith("sbx_") ? { snapshotId: url.fleet, sandboxId: selectedId } : null);
  const [revealId, setRevealId] = useState<string | null>(null);
  const pickFromFleet = (snapshotId: string, sandbox: FleetSandbox) => {
    pick(snapshotId, sandbox.id);
    setFocusedId(sandbox.id);
    setRevealId(sandbox.id);
    void setUrlState({ node: sandbox.id });
  };
  const [composingFor, setComposingFor] = useState<string | null>(null);

  const model = useMemo(
    () =>
      chain.anchor &&
      buildLineageGraph({
        anchor: chain.anchor,
        ancestors: chain.ancestors.nodes,
        descendants: chain.descendants.nodes,
        ancestorsLeft: { hasMore: chain.ancestors.hasMore, loading: chain.ancestors.loadingMore, failed: chain.ancestors.loadMoreFailed },
        descendantsLeft: { hasMore: chain.descendants.hasMore, loading: chain.descendants.loadingMore, failed: chain.descendants.loadMoreFailed },
        branches,
        drawn,
        rootSide: chain.rootSide.nodes.length
          ? { snapshots: chain.rootSide.nodes, more: { hasMore: true, loading: chain.rootSide.loadingMore, failed: chain.rootSide.loadMoreFailed } }
          : undefined,
      }),
    // The chain object is new each render; these are the values it is made of.
    [chain.anchor, chain.ancestors.nodes, chain.descendants.nodes, chain.ancestors.hasMore, chain.descendants.hasMore, chain.ancestors.loadingMore, chain.descendants.loadingMore, chain.ancestors.loadMoreFailed, chain.descendants.loadMoreFailed, branches, drawn, chain.rootSide.nodes, chain.rootSide.loadingMore, chain.rootSide.loadMoreFailed],
  );
  // The first view centres on the deep-linked node when the graph has it (it may sit in a branch
  // that is not expanded yet), else on the anchor.
  const [initialFocus, setInitialFocus] = useState<string | null>(null);
  if (model && initialFocus === null) {
    setInitialFocus(selectedId && model.nodes.some((n) => n.id === selectedId) ? selectedId : anchorId);
  }
  const reach = useMemo(() => (model && composingFor ? reachMarks(model, composingFor) : null), [model, composingFor]);

  const activate = (node: LineageNode) => {
    switch (node.kind) {
      case "snapshot":
        return select(node.id);
      case "sandbox":
        if (node.place === "sibling") expand(node.id);
        return select(node.id);
      case "moreSiblings":
        return openFleet(node.basedOn);
      case "loadMore":
        if (node.target.kind === "ancestors") return chain.ancestors.loadMore();
        if (node.target.kind === "descendants") return chain.descendants.loadMore();
        if (node.target.kind === "rootSide") return chain.rootSide.loadMore();
        return loadMoreBranch(node.target.sandboxId);
      case "gap":
        return;
    }
  };

  const graphRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => {
    select(null);
    graphRef.current?.querySelector<HTMLElement>("[data-testid=lineage-graph]")?.focus();
  }, [select]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && selectedId && !isTypingTarget(e.target)) close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedId, close]);

  if (chain.error) return <Centered><QueryError error={chain.error} onRetry={chain.retry} title="Could not load the lineage" /></Centered>;
  if (chain.isPending || !model) return <GraphSkeleton />;

  return (
    <div className="flex min-h-0 flex-1">
      <div ref={graphRef} className="flex min-w-0 flex-1 flex-col">
        <GraphLegend title={title} composing={composingFor !== null} trail={trail} />
        <div className="min-h-0 flex-1">
          <ReactFlowProvider>
            <LineageGraph
              model={model}
              reach={reach}
              selectedId={selectedId}
              focusedId={model.nodes.some((n) => n.id === focusedId) ? focusedId : anchorId}
              initialFocusId={initialFocus ?? anchorId}
              exportName={`lineage-${title}`}
              onActivate={activate}
              onFocus={setFocusedId}
              revealId={revealId}
            />
          </ReactFlowProvider>
        </div>
      </div>
      {selectedId && (
        <SidePanel
          nodeId={selectedId}
          role={role}
          onClose={close}
          onSelect={select}
          onComposingChange={setComposingFor}
          onCollapseBranch={branches.get(selectedId)?.state === "ready" ? () => collapse(selectedId) : undefined}
          fleet={fleet}
          onOpenFleet={openFleet}
          onFleetChange={(change) => void setUrlState(change)}
          onCloseFleet={() => void setUrlState(noFleetList)}
          onPick={pickFromFleet}
          onBackToFleet={() => void setUrlState({ node: url.fleet })}
        />
      )}
    </div>
  );
}

function Centered({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto w-full max-w-lg px-4 py-16">{children}</div>;
}

function GraphSkeleton() {
  return (
    <div aria-busy aria-label="Loading the lineage" className="flex flex-1 flex-col items-center gap-6 py-16">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className={`h-20 animate-pulse bg-slate-200 dark:bg-slate-800 ${i % 2 ? "w-52 rounded-2xl" : "w-60 rounded-md"}`} />
      ))}
      <p className="text-sm text-slate-500 dark:text-slate-400">Walking the lineage…</p>
    </div>
  );
}
