import type { Executor } from "../db/client";
import { getSandbox } from "../lineage/sandboxes";
import { resolveSnapshotId } from "../lineage/snapshots";
import type { LineageEvent } from "./hub";

/**
 * The part of the lineage a stream follows.
 * - A snapshot: the snapshot itself, its patches (attached, removed), the sandboxes based on it
 *   (reported, and their patch results: the rollout), and snapshots taken of them (its children).
 * - A sandbox: the sandbox itself, its patch results, snapshots taken of it, and its base snapshot
 *   and the patches attached to or removed from that base (what it has pending).
 */
export type EventScope = { snapshotId: string } | { sandboxId: string; baseSnapshotId: string | null };

export async function resolveScope(db: Executor, query: { snapshot?: string; sandbox?: string }): Promise<EventScope> {
  if (query.snapshot !== undefined) return { snapshotId: await resolveSnapshotId(db, query.snapshot) };
  const sandbox = await getSandbox(db, query.sandbox!);
  return { sandboxId: sandbox.id, baseSnapshotId: sandbox.basedOnSnapshotId };
}

const baseKinds = new Set<LineageEvent["kind"]>(["snapshot", "patch.attached", "patch.removed"]);

/** Whether the event belongs to the scope; a sandbox scope follows its base when the sandbox learns it. */
export function inScope(scope: EventScope, e: LineageEvent): boolean {
  if ("snapshotId" in scope) return e.snapshotId === scope.snapshotId || e.parentSnapshotId === scope.snapshotId;
  if (e.sandboxId === scope.sandboxId) {
    if (e.kind === "sandbox") scope.baseSnapshotId = e.snapshotId;
    return true;
  }
  return scope.baseSnapshotId !== null && e.snapshotId === scope.baseSnapshotId && baseKinds.has(e.kind);
}
