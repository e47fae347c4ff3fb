/**
 * Keys of the lineage page's queries, in one module that is not a client component, so the
 * server can fill the same cache entries when it renders the page (prefetch-lineage.ts).
 */
export const TREE_PAGE_SIZE = 10;

export const resolveKey = (ref: string) => ["resolve", ref] as const;
export const treeKey = (anchorId: string, sortOrder: "asc" | "desc") => ["tree", anchorId, sortOrder] as const;
