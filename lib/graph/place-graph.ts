/** The lineage graph's positions: its nodes, at their fixed sizes, through the incremental layout. */
import { placeIncrementally, type XY } from "./layout";
import type { LineageGraphModel } from "./lineage-model";
import { nodeSizes } from "./node-sizes";

export const placeGraph = (model: LineageGraphModel, previous: ReadonlyMap<string, XY>) =>
  placeIncrementally(
    model.nodes.map((n) => ({
      id: n.id,
      ...nodeSizes[n.kind],
      // "Load more" follows the end of its chain; "+ more" stays after the siblings it stands for.
      floating: n.kind === "loadMore",
      trailing: n.kind === "moreSiblings",
    })),
    model.edges,
    previous,
  );
