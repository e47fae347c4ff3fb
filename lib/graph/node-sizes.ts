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
