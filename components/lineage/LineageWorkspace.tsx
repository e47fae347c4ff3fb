"use client";

import { ReactFlowProvider } from "@xyflow/react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Role } from "@/lib/contract/enums";
import { useQuery } from "@tanstack/react-query";
import { buildLineageGraph, reachList, reachMarks, type LineageNode } from "@/lib/graph/lineage-model";
import { api } from "@/lib/ui/api";
import { lineageHref } from "@/lib/ui/lineage-url";
import { queryKeys } from "@/lib/ui/query-keys";
import { QueryError } from "@/components/app/QueryError";
import { LineageGraph } from "./LineageGraph";
import { GraphLegend } from "./GraphLegend";
import type { JumpTrail } from "./JumpBreadcrumb";
import { useBranches } from "./useBranches";
import { useLineageChain } from "./useLineageChain";
import { useLineageUrlState } from "./useLineageUrlState";
import { useLiveLineage } from "./useLiveLineage";
import { LiveIndicator } from "./LiveIndicator";
import { NewerSnapshotsHint } from "./NewerSnapshotsHint";
import { useDrawnSandboxes } from "./useDrawnSandboxes";
import { isTypingTarget } from "@/lib/ui/keyboard";
import type { FleetUrl } from "@/lib/ui/fleet";
import type { FleetSandbox } from "@/lib/client";
import { noFleetList } from "@/lib/ui/lineage-url";

// The panel (patch forms and lists) is a chunk of its own: the server renders it with the page when
// something is selected (on arrival, what the page was opened for), and a closed panel costs nothing.
// No `loading`, so no Suspense boundary: React streams a boundary that ends past the first ~12.8 KB
// of HTML as a hidden part revealed by a script a frame later (and up to 300 ms after the previous
// reveal), while without one the panel is painted with the page. A panel opened later keeps what
// is on screen until its code is in.
const SidePanel = dynamic(() => import("./panel/SidePanel").then((m) => m.SidePanel));

type Props = {
  anchorId: string;
  /** The node the page was opened for (a sandbox, or the anchor snapshot): selected on arrival. */
  landingId: string;
  refParam: string;
  /** What the "current" badge means on this page, in words. */
  currentMeans: string;
  role: Role;
  title: string;
  /** Set when the view was re-anchored by a jump (a generation, a date), with the way back. */
  trail: JumpTrail | null;
};

export function LineageWorkspace({ anchorId, landingId, refParam, currentMeans, role, title, trail }: Props) {
  const chain = useLineageChain(anchorId);
  const live = useLiveLineage(anchorId);
  const { branches, expand, collapse, loadMore: loadMoreBranch } = useBranches();
  // `?node=` holds the selection and `?fleet=` (with its filters) an open fleet list, so a link reopens the same view.
  const [url, setUrlState] = useLineageUrlState();
  // Without `?node=`, what the page was opened for is selected, until the panel is closed: the
  // server renders it selected (its panel's code comes with the page), and /lineage/sb-2 is already
  // the link to that view, so nothing is written to the URL on arrival.
  const [dismissed, setDismissed] = useState(false);
  const selectedId = url.node ?? (dismissed ? null : landingId);
  const fleet = url.fleet ? { snapshotId: url.fleet, url: { state: url.state, status: url.status, q: url.q, patch: url.patch } } : null;
  // Selecting anything in the graph or the panel's links leaves the fleet list.
  const select = useCallback(
    (id: string | null) => {
      setDismissed(id === null);
      void setUrlState({ node: id, ...noFleetList });
    },
    [setUrlState],
  );
  const openFleet = (snapshotId: string, filters: Partial<FleetUrl> = {}) =>
    void setUrlState({ node: snapshotId, ...noFleetList, fleet: snapshotId, ...filters });
  const [focusedId, setFocusedId] = useState(selectedId ?? landingId);
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
  // The first view centres on the deep-linked node, else the one the page was opened for, when the
  // graph has it (it may sit in a branch that is not expanded yet, or beyond the drawn siblings), else on the anchor.
  const [initialFocus, setInitialFocus] = useState<string | null>(null);
  if (model && initialFocus === null) {
    const drawn = (id: string | null) => id !== null && model.nodes.some((n) => n.id === id);
    setInitialFocus(drawn(selectedId) ? selectedId : drawn(landingId) ? landingId : anchorId);
  }
  // The target's live patches name the failure a reached sandbox is blocked behind (shared with its panel's list).
  const targetPatches = useQuery({
    queryKey: queryKeys.patches(composingFor ?? "", false),
    queryFn: () => api.listPatches(composingFor!, { includeRemoved: false }),
    enabled: composingFor !== null,
  });
  const reach = useMemo(() => {
    if (!model || !composingFor) return null;
    const patches = targetPatches.data?.patches ?? [];
    const marks = reachMarks(model, composingFor, (seq) => patches.find((p) => p.sequence === seq)?.description || null);
    return { marks, list: reachList(model, marks) };
  }, [model, composingFor, targetPatches.data]);

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
      if (e.defaultPrevented || isTypingTarget(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "Escape" && selectedId) close();
      else if (e.key === "g") graphRef.current?.querySelector<HTMLElement>("[data-testid=lineage-graph]")?.focus();
      else if (e.key === "d") document.querySelector<HTMLElement>("[data-testid=side-panel] button, [data-testid=side-panel] a")?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedId, close]);

  if (chain.error) return <Centered><QueryError error={chain.error} onRetry={chain.retry} title="Could not load the lineage" /></Centered>;
  if (chain.isPending || !model) return <GraphSkeleton />;

  return (
    <div className="flex min-h-0 flex-1">
      <div ref={graphRef} className="flex min-w-0 flex-1 flex-col">
        <GraphLegend title={title} composing={composingFor !== null} trail={trail} currentMeans={currentMeans} />
        <div className="relative min-h-0 flex-1">
          <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex items-start justify-center gap-2 px-2 [&>*]:pointer-events-auto">
            <NewerSnapshotsHint count={live.newerSnapshots} onShow={live.showNewer} />
          </div>
          {/* Top left: the export button holds the top right corner. */}
          <div className="absolute left-2 top-2 z-10">
            <LiveIndicator status={live.status} />
          </div>
          <ReactFlowProvider>
            <LineageGraph
              model={model}
              reach={reach?.marks ?? null}
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
          shareHref={lineageHref(refParam, url)}
          reachPreview={reach?.list ?? null}
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
