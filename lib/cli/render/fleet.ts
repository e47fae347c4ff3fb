import type { FleetCounts, FleetSandbox } from "../../client";
import type { Style } from "../style";
import { ago } from "../time";
import { table } from "./labels";

type Options = { now: Date; style: Style };

const stateWords: Record<string, string> = {
  upToDate: "up to date",
  applied: "applied",
  pending: "pending",
  blocked: "blocked",
  failed: "failed",
};

/** "3000 sandboxes: 2400 up to date, 500 pending, 100 failed; running 2000, stopped 1000" (zero figures left out). */
export function renderFleetCounts(snapshot: string, counts: FleetCounts, patch: string | undefined): string {
  const states = Object.entries(counts.state)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${stateWords[state] ?? state}`);
  const statuses = Object.entries(counts.status)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n}`);
  const what = counts.total === 1 ? "1 sandbox" : `${counts.total} sandboxes`;
  const against = patch ? ` (against ${patch})` : "";
  return `${snapshot}: ${what}${states.length ? `: ${states.join(", ")}${against}` : ""}${statuses.length ? `; ${statuses.join(", ")}` : ""}\n`;
}

/** One aligned line per sandbox: id, name, status, state (with where it failed), age. */
export function renderFleetRows(sandboxes: FleetSandbox[], { now, style }: Options): string {
  if (sandboxes.length === 0) return "";
  const rows = sandboxes.map((s) => {
    const state = s.state === "failed" && s.failedAtSequence !== null ? `failed at #${s.failedAtSequence}` : stateWords[s.state]!;
    return [
      s.id,
      s.name ?? "",
      s.status,
      { text: state, paint: s.state === "failed" ? style.red : s.state === "blocked" || s.state === "pending" ? style.yellow : (t: string) => t },
      ago(s.createdAt, now),
    ];
  });
  return `${table(rows).join("\n")}\n`;
}
