/** Short texts shared by the renderers. */
import { summarizePatchState, type PatchState } from "../../patch-state";

/** An id with its name beside it when it has one: `snap_A (my-env)`. */
export const label = (item: { id: string; name: string | null }) => (item.name ? `${item.id} (${item.name})` : item.id);

/** A sandbox's patch state in a few words: "failed at #2 (Pin Node.js)", "1 pending", "patched to #3"; empty when untouched. */
export function patchStateText(s: PatchState, failedPatchDescription?: string | null): string {
  const { label, tone } = summarizePatchState(s, failedPatchDescription);
  return tone === "none" ? "" : label;
}

/** A cell of `table`: plain text, or text with the paint applied after padding (escape codes have no width). */
export type Cell = string | { text: string; paint: (text: string) => string };

/** Rows with columns padded to their widest cell, two spaces apart. */
export function table(rows: Cell[][]): string[] {
  const text = (c: Cell) => (typeof c === "string" ? c : c.text);
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, text(c).length)));
  return rows.map((row) =>
    row
      .map((c, i) => {
        const padded = i === row.length - 1 ? text(c) : text(c).padEnd(widths[i]!);
        return typeof c === "string" ? padded : c.paint(padded);
      })
      .join("  ")
      .trimEnd(),
  );
}
