/**
 * Turns the pages of the lineage walk (and any expanded sibling branches) into the nodes and
 * edges of the graph. Framework-free: positions are computed separately (layout.ts).
 *
 * The graph is bipartite: snapshot → sandbox started from it → snapshot taken of
 * that sandbox → … Chain sandboxes (the ones a walk runs through) sit between two chain
 * snapshots; the other sandboxes started from a snapshot hang beside it as siblings.
 */
import type { TreeNode } from "../client";

/** What a sandbox node shows: its status and patch state. */
export type SandboxFacts = Omit<TreeNode["siblings"][number], "id" | "name">;

export type LoadTarget = { kind: "ancestors" } | { kind: "descendants" } | { kind: "branch"; sandboxId: string };

/** A sibling sandbox's own snapshots, fetched when the user expands it. */
export type Branch =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "empty" }
  | { state: "ready"; snapshots: TreeNode[]; more: MoreState };

/** Whether a walk has further pages, and how fetching the next one is going. */
export type MoreState = { hasMore: boolean; loading: boolean; failed: boolean };

export type LineageNode =
  | { kind: "snapshot"; id: string; snapshot: TreeNode; isAnchor: boolean }
  | {
      kind: "sandbox";
      id: string;
      name: string | null;
      facts: SandboxFacts;
      basedOn: string | null;
      place: "chain" | "sibling";
      branch: Branch | null;
    }
  | { kind: "moreSiblings"; id: string; basedOn: string; shown: number }
  | { kind: "loadMore"; id: string; target: LoadTarget; loading: boolean; failed: boolean };

/** A sandbox picked from a snapshot's fleet list: drawn beside that snapshot like a sibling. */
export type DrawnSandbox = { id: string; name: string | null; facts: SandboxFacts };

export type LineageEdge = { id: string; source: string; target: string; chain: boolean };

export type LineageGraphModel = { nodes: LineageNode[]; edges: LineageEdge[] };

export type LineageInput = {
  anchor: TreeNode;
  /** Nearest first, without the anchor. */
  ancestors: TreeNode[];
  /** Nearest first, without the anchor. */
  descendants: TreeNode[];
  ancestorsLeft: MoreState;
  descendantsLeft: MoreState;
  branches: ReadonlyMap<string, Branch>;
  /** Snapshot id → sandboxes picked from its fleet list, in the order they were picked. */
  drawn?: ReadonlyMap<string, readonly DrawnSandbox[]>;
};

export const loadMoreId = (t: LoadTarget) => (t.kind === "branch" ? `load:branch:${t.sandboxId}` : `load:${t.kind}`);
export const moreSiblingsId = (snapshotId: string) => `more:${snapshotId}`;

export function buildLineageGraph(input: LineageInput): LineageGraphModel {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const addNode = (n: LineageNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const addEdge = (source: string, target: string, chain: boolean) =>
    edges.set(`${source}->${target}`, { id: `${source}->${target}`, source, target, chain });

  /** Adds a run of snapshots, oldest first, each linked to its parent through its source sandbox. */
  const drawn = input.drawn ?? new Map<string, readonly DrawnSandbox[]>();
  const addChain = (chain: TreeNode[], anchorId: string | null, branches: ReadonlyMap<string, Branch>) => {
    chain.forEach((snap, i) => {
      addNode({ kind: "snapshot", id: snap.id, snapshot: snap, isAnchor: snap.id === anchorId });
      const previous = i > 0 ? chain[i - 1]! : null;
      if (snap.sourceSandbox) {
        const { id: sourceId, name, ...facts } = snap.sourceSandbox;
        addNode({
          kind: "sandbox",
          id: sourceId,
          name,
          facts,
          basedOn: snap.parentId,
          place: "chain",
          branch: null,
        });
        addEdge(sourceId, snap.id, true);
        if (previous && snap.parentId === previous.id) addEdge(previous.id, sourceId, true);
      } else if (previous) {
        addEdge(previous.id, snap.id, true);
      }
      for (const sib of snap.siblings) {
        const { id, name, ...facts } = sib;
        addNode({ kind: "sandbox", id, name, facts, basedOn: snap.id, place: "sibling", branch: branches.get(id) ?? null });
        addEdge(snap.id, id, false);
      }
      // Picked beyond the newest ten: siblings like the others (an already drawn one stays as it is).
      for (const { id, name, facts } of drawn.get(snap.id) ?? []) {
        addNode({ kind: "sandbox", id, name, facts, basedOn: snap.id, place: "sibling", branch: branches.get(id) ?? null });
        addEdge(snap.id, id, false);
      }
      if (snap.count === "10+") {
        const id = moreSiblingsId(snap.id);
        addNode({ kind: "moreSiblings", id, basedOn: snap.id, shown: snap.siblings.length });
        addEdge(snap.id, id, false);
      }
    });
  };

  const chain = [...input.ancestors].reverse().concat(input.anchor, input.descendants);
  addChain(chain, input.anchor.id, input.branches);

  const top = chain[0]!;
  if (input.ancestorsLeft.hasMore) {
    const target: LoadTarget = { kind: "ancestors" };
    const id = loadMoreId(target);
    addNode({ kind: "loadMore", id, target, loading: input.ancestorsLeft.loading, failed: input.ancestorsLeft.failed });
    addEdge(id, top.sourceSandbox?.id ?? top.id, true);
  }
  if (input.descendantsLeft.hasMore) {
    const target: LoadTarget = { kind: "descendants" };
    const id = loadMoreId(target);
    addNode({ kind: "loadMore", id, target, loading: input.descendantsLeft.loading, failed: input.descendantsLeft.failed });
    addEdge(chain[chain.length - 1]!.id, id, true);
  }

  // Expanded branches may hold siblings that are expanded in turn: add until nothing new appears.
  const done = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [sandboxId, branch] of input.branches) {
      if (done.has(sandboxId) || !nodes.has(sandboxId) || branch.state !== "ready") continue;
      done.add(sandboxId);
      grew = true;
      addChain(branch.snapshots, null, input.branches);
      const last = branch.snapshots[branch.snapshots.length - 1];
      if (branch.more.hasMore && last) {
        const target: LoadTarget = { kind: "branch", sandboxId };
        const id = loadMoreId(target);
        addNode({ kind: "loadMore", id, target, loading: branch.more.loading, failed: branch.more.failed });
        addEdge(last.id, id, true);
      }
    }
  }

  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export type ReachMark = { kind: "target" } | { kind: "reached" } | { kind: "dimmed"; reason: string };

/**
 * What a patch on `snapshotId` would reach (one level deep): the sandboxes based on it.
 * Everything else is dimmed with the reason it is out of reach.
 */
export function reachMarks(model: LineageGraphModel, snapshotId: string): Map<string, ReachMark> {
  const names = new Map<string, string>();
  for (const n of model.nodes) if (n.kind === "snapshot") names.set(n.id, n.snapshot.name ?? n.id);
  const marks = new Map<string, ReachMark>();
  for (const n of model.nodes) {
    if (n.kind === "snapshot") {
      marks.set(n.id, n.id === snapshotId ? { kind: "target" } : { kind: "dimmed", reason: "frozen snapshot" });
    } else if (n.kind === "sandbox" || n.kind === "moreSiblings") {
      if (n.basedOn === snapshotId) marks.set(n.id, { kind: "reached" });
      else {
        const base = n.basedOn ? (names.get(n.basedOn) ?? n.basedOn) : null;
        marks.set(n.id, { kind: "dimmed", reason: base ? `based on ${base}` : "started from scratch" });
      }
    } else {
      marks.set(n.id, { kind: "dimmed", reason: "" });
    }
  }
  return marks;
}
