"use client";

import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Edge,
  type NodeMouseHandler,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { equalToDepth } from "@/lib/graph/equal-to-depth";
import { reuseUnchanged } from "@/lib/graph/reuse-unchanged";
import { arrowDirections, nearestInDirection } from "@/lib/graph/graph-navigation";
import type { Size, XY } from "@/lib/graph/layout";
import { GAP_ID, type LineageGraphModel, type LineageNode, type ReachMark } from "@/lib/graph/lineage-model";
import { nodeSizes, RENDER_VISIBLE_ONLY_ABOVE } from "@/lib/graph/node-sizes";
import { graphPalettes } from "@/lib/graph/palette";
import { placeGraph } from "@/lib/graph/place-graph";
import { useResolvedTheme } from "@/components/app/useResolvedTheme";
import { ExportPngButton } from "./ExportPngButton";
import { useKept } from "./useKept";
import { GapNode } from "./nodes/GapNode";
import { LoadMoreNode } from "./nodes/LoadMoreNode";
import { MoreSiblingsNode } from "./nodes/MoreSiblingsNode";
import { SandboxNode } from "./nodes/SandboxNode";
import { SnapshotNode } from "./nodes/SnapshotNode";
import type { GraphNode, GraphNodeData } from "./nodes/types";

const nodeTypes: NodeTypes = {
  snapshot: SnapshotNode,
  sandbox: SandboxNode,
  moreSiblings: MoreSiblingsNode,
  loadMore: LoadMoreNode,
  gap: GapNode,
};

const minimapColor = (n: GraphNode) =>
  n.type === "snapshot" ? "#0ea5e9" : n.type === "sandbox" ? "#8b5cf6" : n.type === "loadMore" ? "#6366f1" : n.type === "gap" ? "#cbd5e1" : "#94a3b8";

const ORIGIN = { x: 0, y: 0 };

// Nodes of a rebuilt model are new objects; deep enough to see through a sandbox's facts and a
// branch's state, while a snapshot's page data is compared by reference (pages are kept as they were).
const sameNodeData = (a: GraphNodeData, b: GraphNodeData) =>
  a.focused === b.focused && a.selected === b.selected && equalToDepth(a.reach, b.reach, 1) && equalToDepth(a.node, b.node, 3);
const sameNode = (a: GraphNode, b: GraphNode) => a.position === b.position && a.type === b.type && sameNodeData(a.data, b.data);
const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id);
const sameEdge = (a: Edge, b: Edge) => a.source === b.source && a.target === b.target && equalToDepth(a.style, b.style, 1);

type Props = {
  model: LineageGraphModel;
  reach: ReadonlyMap<string, ReachMark> | null;
  selectedId: string | null;
  focusedId: string;
  /** The node the first view is centred on (the anchor, or a deep-linked selection). */
  initialFocusId: string;
  exportName: string;
  onActivate: (node: LineageNode) => void;
  onFocus: (id: string) => void;
  /** A node to bring into view once it is placed (a sandbox picked from a fleet list). */
  revealId: string | null;
};

export function LineageGraph({ model, reach, selectedId, focusedId, initialFocusId, exportName, onActivate, onFocus, revealId }: Props) {
  const flow = useReactFlow<GraphNode>();
  const store = useStoreApi<GraphNode>();
  const theme = useResolvedTheme();

  // Positions survive re-renders: only nodes that are new get placed (see lib/graph/layout.ts).
  // They are recomputed when the set of nodes and edges changes, not when their data does.
  // The server places nothing: React Flow draws no node before it has measured its pane, so the
  // HTML holds none, and a layout there (~15 ms of each page render) would be thrown away.
  const [layout, setLayout] = useState(() => ({ model, positions: typeof window === "undefined" ? new Map<string, XY>() : placeGraph(model, new Map()) }));
  let positions = layout.positions;
  if (layout.model !== model && !(sameIds(layout.model.nodes, model.nodes) && sameIds(layout.model.edges, model.edges))) {
    positions = placeGraph(model, layout.positions);
    setLayout({ model, positions });
  }

  const byId = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model]);
  const boxes = useMemo(() => {
    const out = new Map<string, XY & Size>();
    for (const n of model.nodes) {
      const p = positions.get(n.id);
      if (p) out.set(n.id, { ...p, ...nodeSizes[n.kind] });
    }
    return out;
  }, [model, positions]);

  // Unchanged nodes and edges keep their objects (and lists their arrays), so moving the focus
  // re-renders two nodes and a new page renders only itself, not the whole graph.
  const builtNodes = useMemo(
    () =>
      model.nodes.map((n): GraphNode => {
        const data = { node: n, reach: reach?.get(n.id), focused: n.id === focusedId, selected: n.id === selectedId };
        const position = positions.get(n.id) ?? ORIGIN;
        return { id: n.id, type: n.kind, position, ...nodeSizes[n.kind], data, draggable: false, connectable: false };
      }),
    [model, positions, reach, focusedId, selectedId],
  );
  const nodes = useKept(builtNodes, (kept, next) => reuseUnchanged(kept, next, sameNode));
  const builtEdges = useMemo(
    () =>
      model.edges.map((e): Edge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      // Per edge: chain edges are heavier, and a reach preview fades the edges it does not touch.
      style: {
        stroke: graphPalettes[theme].edge,
        strokeWidth: e.chain ? 2 : 1.25,
        opacity: reach && reach.get(e.target)?.kind !== "reached" && reach.get(e.target)?.kind !== "blocked" ? 0.35 : 1,
        // Across a deep chain's gap the line stands for generations not drawn.
        strokeDasharray: e.source === GAP_ID || e.target === GAP_ID ? "4 6" : undefined,
      },
    })),
    [model, reach, theme],
  );
  const edges = useKept(builtEdges, (kept, next) => reuseUnchanged(kept, next, sameEdge));

  // Fit once, around the first node of interest and its neighbours; after that the viewport is the user's.
  // The keyboard starts in the graph (arrow keys work at once) unless the user is already elsewhere.
  const wrapper = useRef<HTMLDivElement>(null);
  const fitted = useRef(false);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (fitted.current || !positions.has(initialFocusId)) return;
    fitted.current = true;
    // The focus, the chain next to it and a few of its siblings: readable at zoom 1 even on popular snapshots.
    const touching = model.edges.filter((e) => e.source === initialFocusId || e.target === initialFocusId);
    const near = [...touching.filter((e) => e.chain), ...touching.filter((e) => !e.chain).slice(0, 2)].flatMap((e) => [e.source, e.target]);
    const ids = [...new Set([initialFocusId, ...near])].filter((id) => byId.get(id)?.kind !== "loadMore" && byId.get(id)?.kind !== "gap");
    requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) wrapper.current?.focus({ preventScroll: true });
      void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.25, maxZoom: 1 }).then(() => setSettled(true));
    });
  }, [positions, initialFocusId, model.edges, byId, flow]);

  /** Pans (keeping the zoom) just enough to show a node that went off screen. */
  const reveal = (id: string) => {
    const box = boxes.get(id);
    if (!box) return;
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const left = box.x * zoom + tx;
    const top = box.y * zoom + ty;
    const visible = left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height;
    if (!visible) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
  };

  // A picked sandbox is drawn when its details arrive: bring it into view then, once.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!revealId || revealed.current === revealId || !boxes.has(revealId)) return;
    revealed.current = revealId;
    reveal(revealId);
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const direction = arrowDirections[e.key];
    if (direction) {
      e.preventDefault();
      const next = nearestInDirection(focusedId, direction, boxes);
      if (next) {
        onFocus(next);
        reveal(next);
      }
    } else if (e.key === "+" || e.key === "=") {
      e.preventDefault();
      void flow.zoomIn({ duration: 150 });
    } else if (e.key === "-") {
      e.preventDefault();
      void flow.zoomOut({ duration: 150 });
    } else if (e.key === "0") {
      e.preventDefault();
      void flow.fitView({ duration: 200 });
    } else if (e.key === "Enter") {
      const node = byId.get(focusedId);
      if (node) {
        e.preventDefault();
        onActivate(node);
      }
    }
  };

  const onNodeClick: NodeMouseHandler<GraphNode> = (_, node) => {
    onFocus(node.id);
    onActivate(node.data.node);
  };

  return (
    <div
      ref={wrapper}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="Lineage graph. Arrow keys move between nodes, Enter opens the focused one, Escape closes the details, question mark lists every shortcut."
      data-testid="lineage-graph"
      data-settled={settled || undefined}
      data-node-count={model.nodes.length}
      className="relative h-full w-full outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset"
    >
      <ReactFlow<GraphNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onlyRenderVisibleElements={model.nodes.length > RENDER_VISIBLE_ONLY_ABOVE}
        onNodeClick={onNodeClick}
        colorMode={theme}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        disableKeyboardA11y
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable nodeColor={minimapColor} className="!hidden sm:!block" position="bottom-right" />
        <Panel position="top-right">
          <ExportPngButton fileName={exportName} model={model} boxes={boxes} theme={theme} />
        </Panel>
      </ReactFlow>
    </div>
  );
}
