import type { SandboxPatches } from "../../client";
import type { Style } from "../style";
import type { PatchState as PatchStateOnPatch } from "../../contract/enums";
import { patchStateTones } from "../../patch-state";
import { ago } from "../time";
import { label, patchStateText, table } from "./labels";
import { patchSummary } from "./patches";

type Options = { now: Date; style: Style };

/** A snapshot by its name with the id beside it, or by its id when it has no name (or the name is not known). */
const snapshotLabel = (id: string, names: Record<string, string | null>) => (names[id] ? `${names[id]} (${id})` : id);

/**
 * A sandbox's details, then each patch that reaches it with its state there, and the output of failed runs.
 * `names` maps snapshot ids to their names, where the caller looked them up.
 */
export function renderSandbox({ sandbox, patches, names = {} }: SandboxPatches & { names?: Record<string, string | null> }, { now, style }: Options): string {
  const base = sandbox.basedOnSnapshotId && snapshotLabel(sandbox.basedOnSnapshotId, names);
  const details = table([
    ["status", sandbox.status],
    ["based on", base ?? "nothing (started from scratch)"],
    ["current snapshot", sandbox.currentSnapshotId ? snapshotLabel(sandbox.currentSnapshotId, names) : "none"],
    ["patches", patchStateText(sandbox, patches.find((p) => p.sequence === sandbox.failedAtSequence)?.description) || "none applied"],
    ["created", ago(sandbox.createdAt, now)],
    ["updated", ago(sandbox.updatedAt, now)],
  ]).map((line) => `  ${line}`);
  const lines = [style.bold(label(sandbox)), ...details, ""];

  if (!base) lines.push("No patch reaches it: it was not started from a snapshot.");
  else if (patches.length === 0) lines.push(`No live patches on ${base}.`);
  else {
    lines.push(`Patches on ${base}:`);
    const paint = (state: PatchStateOnPatch) => ({ ok: style.green, failed: style.red, pending: style.yellow, none: style.dim })[patchStateTones[state]];
    const rows = table(
      patches.map((p) => [`#${p.sequence}`, p.id, { text: p.state, paint: paint(p.state) }, patchSummary(p), p.ranAt ? `ran ${ago(p.ranAt, now)}` : ""]),
    );
    patches.forEach((p, i) => {
      lines.push(`  ${rows[i]}`);
      if (p.state === "failed" && p.output) lines.push(...p.output.trimEnd().split("\n").map((l) => `      ${style.dim("│")} ${l}`));
    });
  }
  return `${lines.join("\n")}\n`;
}
