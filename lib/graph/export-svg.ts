/**
 * The lineage as one SVG picture, drawn from the graph's model and layout, not from the page: the
 * PNG export rasterizes it. Copying the rendered page instead (its computed styles, element by
 * element) took over a minute for 360 nodes and needed every off-screen node rendered first; this
 * is plain shapes and text, and the same 360 nodes export in about a second, whatever is on screen.
 * Framework-free; the exported picture states dates, not ages, since it outlives the moment.
 */
import { groupDigits } from "../group-digits";
import { getBezierPath, Position } from "@xyflow/system";
import { summarizePatchState, type PatchTone } from "../patch-state";
import { formatGeneration } from "./deep-chain";
import type { LineageEdge, LineageNode, LoadTarget } from "./lineage-model";
import { graphPalettes, type GraphPalette, type Theme } from "./palette";

export type PlacedNode = { node: LineageNode; x: number; y: number; width: number; height: number };

const MARGIN = 40;
const tones: Record<PatchTone, string> = { ok: "#059669", pending: "#d97706", failed: "#dc2626", none: "#64748b" };
const notLoaded: Record<LoadTarget["kind"], string> = {
  ancestors: "↑ more ancestors, not loaded",
  descendants: "↓ more descendants, not loaded",
  rootSide: "↓ the next generations, not loaded",
  branch: "↓ more of this branch, not loaded",
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Cuts text to what fits `width` pixels at `size` (an average glyph is ~0.6 em wide). */
function fit(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.6)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type Line = { text: string; size: number; color: string; bold?: boolean; mono?: boolean; right?: string; rightColor?: string };

/** What a card says, top to bottom: the same facts as its node in the graph. */
function linesOf(n: PlacedNode, p: GraphPalette, fleetTotal: (snapshotId: string) => number | undefined): Line[] {
  const node = n.node;
  const title = (name: string | null, id: string): Line[] =>
    name ? [{ text: name, size: 14, color: p.text, bold: true }, { text: id, size: 11, color: p.muted, mono: true }] : [{ text: id, size: 13, color: p.text, bold: true, mono: true }];
  switch (node.kind) {
    case "snapshot": {
      const s = node.snapshot;
      const tags = [s.depth === 0 && "root", node.isAnchor && "current"].filter(Boolean).join(" · ");
      return [
        { text: `◆ SNAPSHOT · gen ${formatGeneration(s.depth)}`, size: 10, color: p.muted, bold: true, right: tags, rightColor: p.anchor },
        ...title(s.name, s.id),
        { text: `${s.status} · ${s.createdAt.slice(0, 10)}`, size: 11, color: p.muted, right: s.patchCount === 1 ? "1 patch" : `${s.patchCount} patches`, rightColor: p.muted },
      ];
    }
    case "sandbox": {
      const state = summarizePatchState(node.facts);
      return [
        { text: "● SANDBOX", size: 10, color: p.sandbox, bold: true, right: node.facts.status, rightColor: p.muted },
        ...title(node.name, node.id),
        { text: node.place === "chain" ? "on the chain" : "", size: 11, color: p.muted, right: state.label, rightColor: tones[state.tone] },
      ];
    }
    case "moreSiblings": {
      const total = fleetTotal(node.basedOn);
      return [
        { text: "●●● FLEET", size: 10, color: p.muted, bold: true },
        { text: total === undefined ? "more sandboxes" : `${groupDigits(total, ",")} sandboxes`, size: 14, color: p.text, bold: true },
        { text: `the ${node.shown} newest are drawn`, size: 11, color: p.muted },
      ];
    }
    case "gap":
      return [{ text: `⋮ ${formatGeneration(node.missing)} ${node.missing === 1 ? "generation" : "generations"} not loaded`, size: 12, color: p.muted, bold: true }];
    case "loadMore":
      return [{ text: notLoaded[node.target.kind], size: 11, color: p.muted }];
  }
}

function card(n: PlacedNode, p: GraphPalette, fleetTotal: (snapshotId: string) => number | undefined): string {
  const { node, x, y, width, height } = n;
  const placeholder = node.kind === "gap" || node.kind === "loadMore";
  const accent = node.kind === "snapshot" ? (node.isAnchor ? p.anchor : p.snapshot) : null;
  const dashed = placeholder || (node.kind === "sandbox" && node.place === "sibling") || node.kind === "moreSiblings";
  const stroke = node.kind === "sandbox" ? p.sandbox : node.kind === "snapshot" && node.isAnchor ? p.anchor : p.border;
  const parts = [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${node.kind === "sandbox" ? 16 : 6}" fill="${placeholder ? p.page : p.card}" stroke="${stroke}"${dashed ? ' stroke-dasharray="5 4"' : ""}/>`,
  ];
  if (accent) parts.push(`<rect x="${x}" y="${y}" width="4" height="${height}" rx="2" fill="${accent}"/>`);
  const lines = linesOf(n, p, fleetTotal);
  const gap = (height - 16) / lines.length;
  lines.forEach((line, i) => {
    const baseline = y + 8 + gap * i + gap / 2 + line.size * 0.35;
    const font = `font-size="${line.size}"${line.bold ? ' font-weight="600"' : ""}${line.mono ? ' font-family="ui-monospace, monospace"' : ""}`;
    const room = width - 24 - (line.right ? line.right.length * line.size * 0.6 + 12 : 0);
    parts.push(`<text x="${x + 12}" y="${baseline}" fill="${line.color}" ${font}>${escapeXml(fit(line.text, room, line.size))}</text>`);
    if (line.right) parts.push(`<text x="${x + width - 12}" y="${baseline}" fill="${line.rightColor}" font-size="${line.size}" text-anchor="end">${escapeXml(line.right)}</text>`);
  });
  return `<g data-id="${escapeXml(node.id)}">${parts.join("")}</g>`;
}

/** The picture of `nodes` (placed as in the graph) and the edges between them, with a margin around. */
export function lineageSvg(nodes: PlacedNode[], edges: LineageEdge[], theme: Theme, fleetTotal: (snapshotId: string) => number | undefined = () => undefined) {
  const p = graphPalettes[theme];
  const minX = Math.min(...nodes.map((n) => n.x)) - MARGIN;
  const minY = Math.min(...nodes.map((n) => n.y)) - MARGIN;
  const width = Math.ceil(Math.max(...nodes.map((n) => n.x + n.width)) + MARGIN - minX);
  const height = Math.ceil(Math.max(...nodes.map((n) => n.y + n.height)) + MARGIN - minY);
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  const lines = edges.flatMap((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return [];
    // The graph's edges: bezier curves from a card's bottom centre to the next card's top centre.
    const [d] = getBezierPath({ sourceX: s.x + s.width / 2, sourceY: s.y + s.height, sourcePosition: Position.Bottom, targetX: t.x + t.width / 2, targetY: t.y, targetPosition: Position.Top });
    const dashed = s.node.kind === "gap" || t.node.kind === "gap";
    return [`<path d="${d}" fill="none" stroke="${p.edge}" stroke-width="${e.chain ? 2 : 1.25}"${dashed ? ' stroke-dasharray="4 6"' : ""}/>`];
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="ui-sans-serif, system-ui, sans-serif">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${p.page}"/>`,
    ...lines,
    ...nodes.map((n) => card(n, p, fleetTotal)),
    "</svg>",
  ].join("");
  return { svg, width, height };
}
