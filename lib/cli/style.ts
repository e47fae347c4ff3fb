/**
 * Terminal styling. Colour only when stdout is a terminal and NO_COLOR is unset
 * (any non-empty NO_COLOR, per https://no-color.org), so piped output and tests get plain text.
 */
export type Style = Record<"bold" | "dim" | "green" | "red" | "yellow" | "cyan", (text: string) => string>;

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

export const colours: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  green: sgr(32, 39),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

const same = (text: string) => text;
export const plain: Style = { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };

export function styleFor(isTTY: boolean, env: Record<string, string | undefined>): Style {
  return isTTY && !env.NO_COLOR ? colours : plain;
}
