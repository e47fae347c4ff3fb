/**
 * What the CLI prints comes partly from the server (names, descriptions, scripts, outputs), and a
 * terminal obeys control characters: ESC starts colour, title (OSC 0) and hyperlink (OSC 8)
 * sequences, C1 bytes such as CSI (U+009B) do the same on their own, CR overwrites a line.
 * So every C0 control but newline and tab, DEL and every C1 control is shown as a visible escape.
 */
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");

/** Text with its control characters written as `\xNN`, safe to print on a terminal. */
export const terminalSafe = (text: string): string => text.replace(controls, (c) => `\\x${hex(c)}`);

/** The same for every string inside an API answer, before it is rendered for people. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map(terminalSafeDeep) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalSafe(k), terminalSafeDeep(v)])) as T;
  }
  return value;
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but leaves DEL and C1 raw;
 * those become \u escapes too, so the document stays the same data and the terminal sees no control.
 */
export const terminalSafeJson = (data: unknown): string =>
  JSON.stringify(data, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u00${hex(c)}`);
