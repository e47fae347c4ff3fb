/**
 * Fresh facts written into the pages already on screen, in place: the graph keeps its shape (the
 * same snapshots, the same sandboxes beside them), only what each node says changes. Framework-free.
 */
import type { TreeNode, TreePage } from "../client";
import type { SandboxSummary } from "../sandbox-summary";

const sameSummary = (a: SandboxSummary, b: SandboxSummary) =>
  a.name === b.name && a.status === b.status && a.lastPatchSequence === b.lastPatchSequence && a.pendingPatches === b.pendingPatches && a.failedAtSequence === b.failedAtSequence;

/** The page with `fresh`'s facts wherever that sandbox is drawn (a sibling, a snapshot's source); the same page when nothing changes. */
export function withSandbox(page: TreePage, fresh: SandboxSummary): TreePage {
  let changed = false;
  const update = (s: SandboxSummary) => {
    if (s.id !== fresh.id || sameSummary(s, fresh)) return s;
    changed = true;
    return fresh;
  };
  const snapshots = page.snapshots.map((node) => {
    const source = node.sourceSandbox && update(node.sourceSandbox);
    const siblings = node.siblings.map(update);
    return source === node.sourceSandbox && siblings.every((s, i) => s === node.siblings[i]) ? node : { ...node, sourceSandbox: source, siblings };
  });
  return changed ? { ...page, snapshots } : page;
}

/**
 * The page with `fresh`'s own facts (status, patch count, expiry…) and its drawn sandboxes' facts.
 * The sandboxes beside it stay those drawn, and so does its count: a sandbox that arrived since is
 * counted in the fleet, not drawn, so nothing on screen moves.
 */
export function withSnapshot(page: TreePage, fresh: TreeNode): TreePage {
  const at = page.snapshots.findIndex((n) => n.id === fresh.id);
  if (at < 0) return page;
  const old = page.snapshots[at]!;
  const facts = new Map(fresh.siblings.map((s) => [s.id, s]));
  const node: TreeNode = { ...fresh, siblings: old.siblings.map((s) => facts.get(s.id) ?? s), count: old.count };
  const snapshots = [...page.snapshots];
  snapshots[at] = node;
  return { ...page, snapshots };
}

/** Whether the page draws the snapshot. */
export const drawsSnapshot = (page: TreePage, id: string) => page.snapshots.some((n) => n.id === id);

/** The snapshot beside which the page draws the sandbox as a sibling, if it does. */
export const siblingOf = (page: TreePage, sandboxId: string): string | undefined =>
  page.snapshots.find((n) => n.siblings.some((s) => s.id === sandboxId))?.id;

/** Whether the page draws the sandbox as a snapshot's source (the chain runs through it). */
export const drawsSource = (page: TreePage, sandboxId: string) => page.snapshots.some((n) => n.sourceSandbox?.id === sandboxId);

/** Sources drawn under `snapshotId`: sandboxes based on it whose snapshots the page holds. */
export const sourcesBasedOn = (page: TreePage, snapshotId: string): string[] =>
  page.snapshots.flatMap((n) => (n.parentId === snapshotId && n.sourceSandbox ? [n.sourceSandbox.id] : []));
