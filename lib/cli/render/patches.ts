import type { AttachResult, PatchView, PatchWithRollout, Rollout } from "../../client";
import type { Style } from "../style";
import { ago } from "../time";
import { table } from "./labels";

type Options = { now: Date; style: Style };

/** What a patch is about: its description, else the first line of its script. */
export const patchSummary = (p: Pick<PatchView, "description" | "script">) => p.description || p.script.split("\n")[0]!;

/** A patch's rollout in a few words: "3/5 applied, 1 pending, 1 failed" (zero figures left out). */
export function rolloutSummary(r: Rollout): string {
  const parts = [`${r.applied}/${r.total} applied`];
  if (r.pending) parts.push(`${r.pending} pending`);
  if (r.blocked) parts.push(`${r.blocked} blocked`);
  if (r.failed) parts.push(`${r.failed} failed`);
  return parts.join(", ");
}

export function renderPatchList(snapshot: string, patches: PatchWithRollout[], { now, style }: Options, includeRemoved: boolean): string {
  if (patches.length === 0) return `No ${includeRemoved ? "" : "live "}patches on ${snapshot}.\n`;
  const rows = patches.map((p) => [
    `#${p.sequence}`,
    p.id,
    `${p.createdBy}, ${ago(p.createdAt, now)}`,
    patchSummary(p),
    rolloutSummary(p.rollout),
    p.removedAt ? style.red(`removed by ${p.removedBy ?? "?"}, ${ago(p.removedAt, now)}`) : "",
  ]);
  return `${table(rows).join("\n")}\n`;
}

export function renderAttached({ patch, reach }: AttachResult, snapshot: string): string {
  const head = `Attached patch #${patch.sequence} ${patch.id} to ${snapshot}${patch.description ? `: ${patch.description}` : "."}`;
  if (reach.count === 0) return `${head}\nIt reaches no sandbox yet: none is started from ${snapshot}.\n`;
  const count = reach.count === 1 ? "1 sandbox" : `${reach.count} sandboxes`;
  const more = reach.count > reach.sample.length ? [`  … and ${reach.count - reach.sample.length} more (lineage sandboxes ${snapshot})`] : [];
  return [
    head,
    `On next wake it reaches ${count} started from ${snapshot}${reach.sample.length < reach.count ? ", the newest:" : ":"}`,
    ...reach.sample.map((id) => `  ${id}`),
    ...more,
  ].join("\n") + "\n";
}

export function renderRemoved(patch: PatchView, snapshot: string): string {
  return `Removed patch #${patch.sequence} ${patch.id} from ${snapshot}; it will never be applied again.\n`;
}
