import type { Node } from "@xyflow/react";
import type { LineageNode, ReachMark } from "@/lib/graph/lineage-model";

/** What every graph node gets: its lineage data, the patch-reach mark, and focus/selection. */
export type GraphNodeData<K extends LineageNode["kind"] = LineageNode["kind"]> = {
  node: Extract<LineageNode, { kind: K }>;
  reach: ReachMark | undefined;
  focused: boolean;
  selected: boolean;
};

export type GraphNode = Node<GraphNodeData, LineageNode["kind"]>;
export type GraphNodeOf<K extends LineageNode["kind"]> = Node<GraphNodeData<K>, K>;
