/** Where a node stands in a patch's reach, in words: the graph's labels and the attach form's list say the same. */
import { patchLabel } from "../patch-state";
import type { ReachMark } from "./lineage-model";

export function reachText(mark: ReachMark): string {
  switch (mark.kind) {
    case "target":
      return "patch target";
    case "reached":
      return "gets the patch on next wake";
    case "blocked":
      return `blocked behind failed ${patchLabel(mark.failedAt, mark.failedPatch)}`;
    case "dimmed":
      return mark.reason ? `not reached: ${mark.reason}` : "not reached";
  }
}

const sandboxes = (n: number) => (n === 1 ? "1 sandbox" : `${n} sandboxes`);

/** "1 is blocked behind failed #2 (Pin Node.js)", naming each failure the blocked ones wait behind. */
function blockedText(blocked: Extract<ReachMark, { kind: "blocked" }>[]): string {
  if (blocked.length === 0) return "none is blocked";
  const behind = [...new Map(blocked.map((m) => [m.failedAt, patchLabel(m.failedAt, m.failedPatch)])).values()];
  return `${blocked.length} ${blocked.length === 1 ? "is" : "are"} blocked behind failed ${behind.join(", ")}`;
}

/**
 * The attach confirmation: how many sandboxes will run the patch and how many are blocked behind
 * an earlier failure. `total` is the server's exact reach; the split comes from the sandboxes drawn,
 * so when those are not all of them, it says so instead of extrapolating.
 */
export function attachOutcome(sequence: number, total: number, drawn: readonly ReachMark[]): string {
  const runs = drawn.filter((m) => m.kind === "reached").length;
  const blocked = drawn.filter((m): m is Extract<ReachMark, { kind: "blocked" }> => m.kind === "blocked");
  const head = `Patch #${sequence} attached.`;
  if (runs + blocked.length === total) {
    if (total === 0) return `${head} No sandbox is started from this snapshot yet.`;
    return `${head} ${sandboxes(runs)} will run it on next wake; ${blockedText(blocked)}.`;
  }
  return `${head} It reaches ${sandboxes(total)}. Of the ${runs + blocked.length} shown, ${runs} will run it on next wake; ${blockedText(blocked)}.`;
}
