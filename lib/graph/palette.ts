/**
 * The graph's colours as plain values, for what cannot use the stylesheet's classes: the edges'
 * inline strokes and the exported picture (lib/graph/export-svg.ts). The same hues as the cards'
 * Tailwind classes (slate, sky, indigo, violet).
 */
export type Theme = "light" | "dark";

export const graphPalettes = {
  light: { page: "#f8fafc", card: "#ffffff", border: "#e2e8f0", text: "#0f172a", muted: "#64748b", edge: "#94a3b8", snapshot: "#0ea5e9", anchor: "#4f46e5", sandbox: "#8b5cf6" },
  dark: { page: "#020617", card: "#0f172a", border: "#334155", text: "#e2e8f0", muted: "#94a3b8", edge: "#475569", snapshot: "#38bdf8", anchor: "#818cf8", sandbox: "#a78bfa" },
} satisfies Record<Theme, Record<string, string>>;
export type GraphPalette = (typeof graphPalettes)[Theme];
