import type { TreeNode } from "@/lib/client";

type Sibling = TreeNode["siblings"][number];

/** A tree node as the API answers it: a plain created snapshot unless `fields` say otherwise. */
export const treeNode = (id: string, fields: Partial<TreeNode> = {}): TreeNode => ({
  id,
  name: null,
  parentId: null,
  depth: 0,
  rootId: id,
  sourceSandbox: null,
  status: "created",
  sizeBytes: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: null,
  patchCount: 0,
  siblings: [],
  count: "0",
  ...fields,
});

/** A running sandbox beside a snapshot, untouched by patches unless `fields` say otherwise. */
export const sibling = (id: string, fields: Partial<Sibling> = {}): Sibling => ({
  id,
  name: null,
  status: "running",
  lastPatchSequence: 0,
  pendingPatches: 0,
  failedAtSequence: null,
  ...fields,
});
