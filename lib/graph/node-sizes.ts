/** Fixed node sizes: the layout needs them before the browser has measured anything. */
import type { LineageNode } from "./lineage-model";
import type { Size } from "./layout";

export const nodeSizes: Record<LineageNode["kind"], Size> = {
  snapshot: { width: 248, height: 112 },
  sandbox: { width: 208, height: 92 },
  moreSiblings: { width: 216, height: 84 },
  loadMore: { width: 248, height: 44 },
  gap: { width: 248, height: 64 },
};

/**
 * Above this many nodes only those in view are rendered (React Flow's onlyRenderVisibleElements),
 * so a "load more" on a long lineage renders a page, not a thousand nodes. Smaller graphs keep
 * every node in the page, where the browser's find-in-page reaches them.
 */
export const RENDER_VISIBLE_ONLY_ABOVE = 300;
