/**
 * Depth, root and skip pointers of a snapshot (columns of `snapshots`, see drizzle/0003).
 *
 * Skip pointer k of a snapshot at depth d ≥ 1 is its ancestor at depth ((d - 1) >> k) << k, for
 * k = 0 … bitLength(d - 1); pointer 0 is the parent and the last one the root. Each snapshot's
 * pointers follow from its parent's alone (the parent itself where the low k bits of d - 1 are
 * zero, else the parent's pointer k), so a new snapshot costs one read of its parent, and a
 * subtree re-attached later is repaired top-down in one recursive statement. Jumping along them
 * reaches any ancestor in O(log depth) probes.
 */
export type Ancestry = { depth: number; rootId: string; skipIds: string[]; skipCreatedAt: Date[] };

export type ParentAncestry = Ancestry & { id: string; createdAt: Date };

/** The ancestry of a snapshot whose parent is `parent` (null for a root). */
export function childAncestry(selfId: string, parent: ParentAncestry | null): Ancestry {
  if (!parent) return { depth: 0, rootId: selfId, skipIds: [], skipCreatedAt: [] };
  const above = parent.depth; // d - 1
  const skipIds: string[] = [];
  const skipCreatedAt: Date[] = [];
  for (let k = 0; k === 0 || above >> (k - 1) > 0; k++) {
    const lowBitsZero = (above & ((1 << k) - 1)) === 0;
    skipIds.push(lowBitsZero ? parent.id : (parent.skipIds[k] ?? parent.rootId));
    skipCreatedAt.push(lowBitsZero ? parent.createdAt : (parent.skipCreatedAt[k] ?? rootCreatedAt(parent)));
  }
  return { depth: parent.depth + 1, rootId: parent.rootId, skipIds, skipCreatedAt };
}

/** The root's created_at, known to a snapshot from its last skip pointer (or itself, for a root). */
const rootCreatedAt = (p: ParentAncestry) => (p.depth === 0 ? p.createdAt : p.skipCreatedAt[p.skipCreatedAt.length - 1]!);
