import type { TreeNode, TreePage } from "../../client";
import type { Style } from "../style";
import { expiryText } from "../time";
import { label, patchStateText } from "./labels";

export type Direction = "asc" | "desc";

/**
 * What `lineage tree` fetched. Anchored: the first page of each direction, both starting with the
 * anchor (shown once, marked current). Otherwise a continuation from a cursor: one direction only.
 */
export type TreeView = {
  ref: string;
  limit: number;
  /** A --url given on the command line: repeated in the hints so they run as printed. */
  url?: string;
  anchored: boolean;
  ancestors?: TreePage;
  descendants?: TreePage;
};

export type RenderOptions = { now: Date; style: Style };

/** The chain newest at the top: descendants reversed above, ancestors below. */
function chain(view: TreeView): TreeNode[] {
  const above = [...(view.descendants?.snapshots ?? [])].reverse();
  const below = view.ancestors?.snapshots ?? [];
  // Both anchored pages start with the anchor; keep one copy.
  if (view.anchored && view.ancestors && view.descendants) above.pop();
  return [...above, ...below];
}

export function renderTree(view: TreeView, { now, style }: RenderOptions): string {
  const nodes = chain(view);
  const anchorId = view.anchored ? (view.ancestors ?? view.descendants)?.snapshots[0]?.id : undefined;
  const width = Math.max(0, ...nodes.map((n) => label(n).length));
  const lines: string[] = [];

  for (const node of nodes) {
    const expiry = expiryText(node.expiresAt, now);
    const meta = [
      // The generation: how many snapshots below the chain's root it is (the root is gen 0).
      `gen ${node.depth}`,
      expiry === "expired" ? style.red(expiry) : expiry,
      node.status === "created" ? null : style.red(node.status),
      node.patchCount ? `${node.patchCount} patch${node.patchCount === 1 ? "" : "es"}` : null,
    ].filter((m): m is string => m !== null);
    const current = node.id === anchorId ? `  ${style.green("◂ current")}` : "";
    const padded = style.bold(label(node)) + " ".repeat(width - label(node).length);
    lines.push("│", `● ${[padded, ...meta].join("   ").trimEnd()}${current}`);
    lines.push(...siblingLines(node, style));
  }

  if (nodes.length === 0) lines.push(view.ancestors ? "No more ancestors." : "No more descendants.");
  lines.push(...hints(view, style));
  return `${lines.join("\n")}\n`;
}

function siblingLines(node: TreeNode, style: Style): string[] {
  const more = node.count === `${node.siblings.length}` ? [] : [`+ more (${node.count} in all)`];
  const width = Math.max(0, ...node.siblings.map((s) => label(s).length));
  const entries = [
    ...node.siblings.map((s) =>
      [label(s).padEnd(width), s.status, patchStateText(s)].filter(Boolean).join("  ").trimEnd(),
    ),
    ...more.map(style.dim),
  ];
  return entries.map((text, i) => `│   ${i === entries.length - 1 ? "╰──" : "├──"} ${text}`);
}

function hints(view: TreeView, style: Style): string[] {
  const url = view.url ? ` --url ${view.url}` : "";
  const hint = (title: string, direction: Direction, next: string | null | undefined) =>
    next ? [`${style.dim(title)} lineage tree ${view.ref} --direction ${direction} --limit ${view.limit} --cursor ${next}${url}`] : [];
  return [
    ...hint("More ancestors:  ", "desc", view.ancestors?.pagination.next),
    ...hint("More descendants:", "asc", view.descendants?.pagination.next),
  ];
}
