import { ApiRequestError } from "../client";
import { formatGeneration } from "../graph/deep-chain";
import { formatDateTime, type TimeZone } from "./format";
import type { Jump } from "./lineage-url";

/** How a jump reads in the breadcrumb and in messages: "generation 17", "the chain as of 5 Jan 2026, 10:00 UTC". */
export const jumpLabel = (jump: Jump, zone: TimeZone) =>
  "depth" in jump ? `generation ${formatGeneration(jump.depth)}` : `the chain as of ${formatDateTime(jump.asOf, zone)}`;

/** The chain did not exist yet at the asked time. */
export const isNoSnapshotThen = (error: unknown) => error instanceof ApiRequestError && error.code === "no_snapshot_then";
