/**
 * Keys of the pages' queries, in one module that is not a client component, so the server can
 * fill the same cache entries when it renders a page (prefetch-lineage.ts) and a change can
 * invalidate exactly what it affects. A key's first element names the family: invalidating
 * `queryKeys.tree()` refetches every tree page.
 */
import { FLEET_PAGE_MAX, TREE_PAGE_MAX } from "../contract/limits";

/** The pages ask for full tree pages: as many snapshots as the API gives at once. */
export const TREE_PAGE_SIZE = TREE_PAGE_MAX;
/** Rows per page of the fleet list: the API's largest, so a fast scroll asks for few pages. */
export const FLEET_PAGE_SIZE = FLEET_PAGE_MAX;

export const queryKeys = {
  resolve: (ref: string) => ["resolve", ref] as const,
  tree: (anchorId?: string, sortOrder?: "asc" | "desc") => (anchorId ? (["tree", anchorId, sortOrder] as const) : (["tree"] as const)),
  /** A deep chain's root end, seen from `anchorId`: the root, then pages towards the anchor. */
  rootSide: (anchorId: string) => ["rootSide", anchorId] as const,
  /** The ancestor of `ref` at a generation or as of a date (a jump of the lineage view). */
  ancestor: (jump: { of: string } & ({ depth: number } | { asOf: string })) => ["ancestor", jump] as const,
  branchPage: (snapshotId?: string, cursor?: string) => (snapshotId ? (["branch", snapshotId, cursor ?? null] as const) : (["branch"] as const)),
  snapshot: (id?: string) => (id ? (["snapshot", id] as const) : (["snapshot"] as const)),
  patches: (snapshotId?: string, showRemoved?: boolean) =>
    snapshotId === undefined ? (["patches"] as const) : showRemoved === undefined ? (["patches", snapshotId] as const) : (["patches", snapshotId, showRemoved] as const),
  /** A fleet list's pages; without filters, every list and count of that fleet. */
  fleet: (ref?: string, filters?: object) => (ref ? (filters ? (["fleet", ref, filters] as const) : (["fleet", ref] as const)) : (["fleet"] as const)),
  /** A fleet's counts alone (the group node, the attach form, a list's live header), against one patch if given. */
  fleetCounts: (ref: string, patch?: string) => (patch === undefined ? (["fleet", ref, "counts"] as const) : (["fleet", ref, "counts", patch] as const)),
  sandbox: (id?: string) => (id ? (["sandbox", id] as const) : (["sandbox"] as const)),
  sandboxPatches: (id?: string) => (id ? (["sandboxPatches", id] as const) : (["sandboxPatches"] as const)),
  recent: (limit?: number) => (limit ? (["recent", limit] as const) : (["recent"] as const)),
  search: (q: string) => ["search", q] as const,
  tokens: () => ["tokens"] as const,
  users: () => ["users"] as const,
  audit: () => ["audit"] as const,
};
