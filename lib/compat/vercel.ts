/**
 * Lineage's snapshots and sandboxes in the shapes of Vercel's Sandbox API (`/api/v2/sandboxes/…`),
 * as `@vercel/sandbox` and the `sandbox` CLI parse them: times in epoch milliseconds, optional
 * fields left out rather than null. A Lineage sandbox stands for both Vercel's sandbox and its
 * current session (Lineage does not track sessions separately).
 */
import { VERCEL_COUNT_CAP as COUNT_CAP, VERCEL_SIBLINGS_LISTED as SIBLINGS_LISTED } from "../contract/limits";
import type { Executor } from "../db/client";
import { chainSnapshot, snapshotChain, type ChainNode, type ChainSnapshot } from "../lineage/chain";
import { getSandbox, type SandboxDetail } from "../lineage/sandboxes";

/** Lineage does not know regions; every record reports this one. */
export const REGION = "lineage";

const ms = (d: Date | string) => new Date(d).getTime();

export function vercelSnapshot(s: ChainSnapshot) {
  return {
    id: s.id,
    // The session a snapshot was taken of: in Lineage, its source sandbox.
    sourceSessionId: s.sourceSandboxId ?? "",
    region: REGION,
    status: s.status,
    sizeBytes: s.sizeBytes,
    createdAt: ms(s.createdAt),
    // Snapshots are immutable once reported, so they change when they are created.
    updatedAt: ms(s.createdAt),
    ...(s.expiresAt && { expiresAt: ms(s.expiresAt) }),
    ...(s.parentId && { parentId: s.parentId }),
  };
}
export type VercelSnapshot = ReturnType<typeof vercelSnapshot>;

/** `count` includes the node itself; `siblings` are the other snapshots with the same parent, newest first. */
export function vercelTreeNode(node: ChainNode) {
  const total = 1 + node.siblings.length;
  return {
    snapshot: vercelSnapshot(node.snapshot),
    siblings: node.siblings.slice(0, SIBLINGS_LISTED).map(vercelSnapshot),
    count: total > COUNT_CAP ? `${COUNT_CAP}+` : String(total),
  };
}

/**
 * One page of Vercel's tree: the anchor apart, then the page (never the anchor). `next` is the
 * page's last id: asked as the next anchor, it continues the walk without repeating anyone.
 */
export function vercelTreePage(chain: { anchor: ChainNode; nodes: ChainNode[]; more: boolean }) {
  return {
    snapshots: chain.nodes.map(vercelTreeNode),
    anchor: vercelTreeNode(chain.anchor),
    pagination: { count: chain.nodes.length, next: chain.more ? chain.nodes[chain.nodes.length - 1]!.snapshot.id : null },
  };
}

/** A sandbox with its current session (Lineage's sandbox again) and no routes: Lineage runs no VMs. */
export function vercelSandbox(b: SandboxDetail) {
  const common = { region: REGION, status: b.status, createdAt: ms(b.createdAt), updatedAt: ms(b.updatedAt) };
  return {
    sandbox: {
      name: b.name ?? b.id,
      persistent: true,
      ...common,
      currentSessionId: b.id,
      ...(b.currentSnapshotId && { currentSnapshotId: b.currentSnapshotId }),
    },
    session: {
      id: b.id,
      ...common,
      // Lineage does not know a VM's size or time limit; 0 says "not known".
      memory: 0,
      vcpus: 0,
      timeout: 0,
      requestedAt: ms(b.createdAt),
      cwd: "/",
      ...(b.basedOnSnapshotId && { sourceSnapshotId: b.basedOnSnapshotId }),
    },
    routes: [] as never[],
  };
}

export const readVercelTree = async (db: Executor, q: { snapshotId: string; sortOrder: "asc" | "desc"; limit: number }) =>
  vercelTreePage(await snapshotChain(db, { ref: q.snapshotId, direction: q.sortOrder, limit: q.limit, siblingsMax: SIBLINGS_LISTED }));

export const readVercelSnapshot = async (db: Executor, ref: string) => ({ snapshot: vercelSnapshot(await chainSnapshot(db, ref)) });

export const readVercelSandbox = async (db: Executor, ref: string) => vercelSandbox(await getSandbox(db, ref));
