import type { AttachResult, PatchView } from "../../client";
import type { Style } from "../style";
import { ago } from "../time";
import { table } from "./labels";

type Options = { now: Date; style: Style };

/** What a patch is about: its description, else the first line of its script. */
export const patchSummary = (p: Pick<PatchView, "description" | "script">) => p.description || p.script.split("\n")[0]!;

export function renderPatchList(snapshot: string, patches: PatchView[], { now, style }: Options, includeRemoved: boolean): string {
  if (patches.length === 0) return `No ${includeRemoved ? "" : "live "}patches on ${snapshot}.\n`;
  const rows = patches.map((p) => [
    `#${p.sequence}`,
    p.id,
    `${p.createdBy}, ${ago(p.createdAt, now)}`,
    patchSummary(p),
    p.removedAt ? style.red(`removed by ${p.removedBy ?? "?"}, ${ago(p.removedAt, now)}`) : "",
  ]);
  return `${table(rows).join("\n")}\n`;
}

export function renderAttached({ patch, reach }: AttachResult, snapshot: string): string {
  const head = `Attached patch #${patch.sequence} ${patch.id} to ${snapshot}${patch.description ? `: ${patch.description}` : "."}`;
  if (reach.sandboxes.length === 0) return `${head}\nIt reaches no sandbox yet: none is started from ${snapshot}.\n`;
  const count = reach.sandboxes.length === 1 ? "1 sandbox" : `${reach.sandboxes.length} sandboxes`;
  return [
    head,
    `On next wake it reaches ${count} started from ${snapshot}:`,
    ...reach.sandboxes.map((id) => `  ${id}`),
  ].join("\n") + "\n";
}

export function renderRemoved(patch: PatchView, snapshot: string): string {
  return `Removed patch #${patch.sequence} ${patch.id} from ${snapshot}; it will never be applied again.\n`;
}
