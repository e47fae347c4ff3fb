import { ApiRequestError } from "../client";
import { formatGeneration } from "../graph/deep-chain";
import { formatDateTime } from "./format";
import type { Jump } from "./lineage-url";

/** How a jump reads in the breadcrumb and in messages: "generation 17", "the chain as of 5 Jan 2026, 10:00". */
export const jumpLabel = (jump: Jump) =>
  "depth" in jump ? `generation ${formatGeneration(jump.depth)}` : `the chain as of ${formatDateTime(jump.asOf)}`;

/** The chain did not exist yet at the asked time. */
export const isNoSnapshotThen = (error: unknown) => error instanceof ApiRequestError && error.code === "no_snapshot_then";
