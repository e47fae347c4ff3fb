/**
 * Turns the pages of the lineage walk (and any expanded sibling branches) into the nodes and
 * edges of the graph. Framework-free: positions are computed separately (layout.ts).
 *
 * The graph is bipartite: snapshot → sandbox started from it → snapshot taken of
 * that sandbox → … Chain sandboxes (the ones a walk runs through) sit between two chain
 * snapshots; the other sandboxes started from a snapshot hang beside it as siblings.
 */
import type { TreeNode } from "../client";
import { generationsNotLoaded } from "./deep-chain";

/** What a sandbox node shows: its status and patch state. */
export type SandboxFacts = Omit<TreeNode["siblings"][number], "id" | "name">;

/** `rootSide`: the generations right below the root, towards the anchor side of a deep chain's gap. */
export type LoadTarget = { kind: "ancestors" } | { kind: "descendants" } | { kind: "rootSide" } | { kind: "branch"; sandboxId: string };

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
  | { kind: "loadMore"; id: string; target: LoadTarget; loading: boolean; failed: boolean }
  /** The generations of a deep chain between the root side and the anchor side that are not loaded. */
  | { kind: "gap"; id: string; missing: number; fromDepth: number; rootId: string; topId: string };

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
  /**
   * A deep chain's root end, root first (deep-chain.ts rootSideChain): drawn above the ancestors
   * with a gap node between, or joined to them once no generation is missing.
   */
  rootSide?: { snapshots: TreeNode[]; more: MoreState };
};

export const loadMoreId = (t: LoadTarget) => (t.kind === "branch" ? `load:branch:${t.sandboxId}` : `load:${t.kind}`);
export const moreSiblingsId = (snapshotId: string) => `more:${snapshotId}`;
export const GAP_ID = "gap";

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
      // A page's first snapshot lists siblings as an anchor does; the chain's own sandbox is never one.
      const chainSandbox = chain[i + 1]?.sourceSandbox?.id;
      for (const sib of snap.siblings) {
        if (sib.id === chainSandbox) continue;
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

  const anchorSide = [...input.ancestors].reverse().concat(input.anchor, input.descendants);
  const rootSide = input.rootSide?.snapshots ?? [];
  const rootEnd = rootSide[rootSide.length - 1];
  const missing = rootEnd ? generationsNotLoaded(anchorSide[0]!.depth, rootEnd.depth) : 0;
  // Once nothing is missing the two sides are one chain, and its top is the root.
  const chain = rootEnd && missing === 0 ? rootSide.concat(anchorSide) : anchorSide;
  if (rootEnd && missing > 0) addChain(rootSide, null, input.branches);
  addChain(chain, input.anchor.id, input.branches);

  const top = chain[0]!;
  const topEntry = top.sourceSandbox?.id ?? top.id;
  if (rootEnd && missing > 0) {
    // root side → load its next page → gap → load more ancestors → anchor side
    const more = input.rootSide!.more;
    const target: LoadTarget = { kind: "rootSide" };
    const loadId = loadMoreId(target);
    addNode({ kind: "loadMore", id: loadId, target, loading: more.loading, failed: more.failed });
    addNode({ kind: "gap", id: GAP_ID, missing, fromDepth: rootEnd.depth + 1, rootId: rootSide[0]!.id, topId: top.id });
    addEdge(rootEnd.id, loadId, true);
    addEdge(loadId, GAP_ID, true);
    addEdge(GAP_ID, loadMoreId({ kind: "ancestors" }), true);
  }
  if (input.ancestorsLeft.hasMore && !(rootEnd && missing === 0)) {
    const target: LoadTarget = { kind: "ancestors" };
    const id = loadMoreId(target);
    addNode({ kind: "loadMore", id, target, loading: input.ancestorsLeft.loading, failed: input.ancestorsLeft.failed });
    addEdge(id, topEntry, true);
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

export type ReachMark =
  | { kind: "target" }
  | { kind: "reached" }
  /** Reached, but its last run failed at an earlier patch: the new one waits behind that failure. */
  | { kind: "blocked"; failedAt: number; failedPatch: string | null }
  | { kind: "dimmed"; reason: string };

/** The description of the target snapshot's live patch with this sequence, when known. */
export type PatchDescriptionOf = (sequence: number) => string | null;

/**
 * What a patch on `snapshotId` would reach (one level deep): the sandboxes based on it, each
 * either running it on next wake or blocked behind the patch its last run failed at.
 * Everything else is dimmed with the reason it is out of reach.
 */
export function reachMarks(model: LineageGraphModel, snapshotId: string, patchDescription: PatchDescriptionOf = () => null): Map<string, ReachMark> {
  const names = new Map<string, string>();
  for (const n of model.nodes) if (n.kind === "snapshot") names.set(n.id, n.snapshot.name ?? n.id);
  const marks = new Map<string, ReachMark>();
  for (const n of model.nodes) {
    if (n.kind === "snapshot") {
      marks.set(n.id, n.id === snapshotId ? { kind: "target" } : { kind: "dimmed", reason: "frozen snapshot" });
    } else if (n.kind === "sandbox" && n.basedOn === snapshotId && n.facts.failedAtSequence !== null) {
      const failedAt = n.facts.failedAtSequence;
      marks.set(n.id, { kind: "blocked", failedAt, failedPatch: patchDescription(failedAt) });
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

/** A sandbox in the reach preview's text list, with where it stands. */
export type ReachEntry = { id: string; name: string | null; mark: ReachMark };

/** The drawn sandboxes in reach order: those that run the patch, those blocked, then those out of reach. */
export function reachList(model: LineageGraphModel, marks: ReadonlyMap<string, ReachMark>): ReachEntry[] {
  const rank = { reached: 0, blocked: 1, dimmed: 2, target: 3 };
  return model.nodes
    .flatMap((n) => {
      const mark = marks.get(n.id);
      return n.kind === "sandbox" && mark ? [{ id: n.id, name: n.name, mark }] : [];
    })
    .sort((a, b) => rank[a.mark.kind] - rank[b.mark.kind]);
}
