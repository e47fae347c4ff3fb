import { describe, expect, it } from "vitest";
import type { TreeNode } from "@/lib/client";
import { lineageSvg, type PlacedNode } from "@/lib/graph/export-svg";
import { buildLineageGraph, type LineageGraphModel } from "@/lib/graph/lineage-model";
import { nodeSizes } from "@/lib/graph/node-sizes";
import { placeGraph } from "@/lib/graph/place-graph";

const sandbox = (id: string, failedAtSequence: number | null = null): TreeNode["siblings"][number] => ({
  id,
  name: null,
  status: "running",
  lastPatchSequence: 0,
  pendingPatches: 0,
  failedAtSequence,
});

function snapshot(i: number, siblings: number, name: string | null = null): TreeNode {
  return {
    id: `snap_${i}`,
    name,
    parentId: i === 0 ? null : `snap_${i - 1}`,
    depth: i,
    rootId: "snap_0",
    sourceSandbox: i === 0 ? null : sandbox(`sbx_src_${i}`),
    status: "created",
    sizeBytes: 1,
    createdAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
    expiresAt: null,
    patchCount: i,
    siblings: Array.from({ length: Math.min(siblings, 10) }, (_, k) => sandbox(`sbx_sib_${i}_${k}`, k === 0 ? 2 : null)),
    count: siblings > 10 ? "10+" : String(siblings),
  };
}

/** A chain of `length` snapshots anchored in its middle, each with `siblings` sandboxes, laid out as the graph does. */
function picture(length: number, siblings: number, anchorName: string | null = null) {
  const mid = Math.floor(length / 2);
  const more = { hasMore: true, loading: false, failed: false };
  const model: LineageGraphModel = buildLineageGraph({
    anchor: snapshot(mid, siblings, anchorName),
    ancestors: Array.from({ length: mid }, (_, k) => snapshot(mid - 1 - k, siblings)),
    descendants: Array.from({ length: length - mid - 1 }, (_, k) => snapshot(mid + 1 + k, siblings)),
    ancestorsLeft: more,
    descendantsLeft: more,
    branches: new Map(),
  });
  const positions = placeGraph(model, new Map());
  const placed: PlacedNode[] = model.nodes.map((node) => ({ node, ...positions.get(node.id)!, ...nodeSizes[node.kind] }));
  return { model, placed };
}

const drawnIds = (svg: string) => [...svg.matchAll(/<g data-id="([^"]*)"/g)].map((m) => m[1]);

describe("the exported picture of a lineage", () => {
  it("draws every node of the model, on screen or not, and every edge between them", () => {
    const { model, placed } = picture(30, 12);
    expect(model.nodes.length).toBeGreaterThan(300);
    const { svg } = lineageSvg(placed, model.edges, "light");
    expect(drawnIds(svg).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    expect(svg.match(/<path /g)).toHaveLength(model.edges.length);
  });

  it("is as large as the laid-out graph plus its margin", () => {
    const { model, placed } = picture(3, 2);
    const { svg, width, height } = lineageSvg(placed, model.edges, "dark");
    const right = Math.max(...placed.map((n) => n.x + n.width)) - Math.min(...placed.map((n) => n.x));
    const bottom = Math.max(...placed.map((n) => n.y + n.height)) - Math.min(...placed.map((n) => n.y));
    expect(width).toBe(Math.ceil(right + 80));
    expect(height).toBe(Math.ceil(bottom + 80));
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
    // Dark: the page's own dark background.
    expect(svg).toContain('fill="#020617"');
  });

  it("says what the cards say: names, ids, generation, the current snapshot, a sandbox's failure, the fleet's total", () => {
    const { model, placed } = picture(3, 12, "golden-image");
    const { svg } = lineageSvg(placed, model.edges, "light", (id) => (id === "snap_1" ? 120_345 : undefined));
    expect(svg).toContain(">golden-image</text>");
    expect(svg).toContain(">snap_1</text>");
    expect(svg).toMatch(/>◆ SNAPSHOT · gen 1<\/text><text [^>]*>current</);
    expect(svg).toMatch(/>◆ SNAPSHOT · gen 0<\/text><text [^>]*>root</);
    expect(svg).toContain(">failed at #2</text>");
    expect(svg).toContain(">120,345 sandboxes</text>");
    expect(svg).toContain(">created · 2026-01-01</text>");
  });

  it("escapes what the platform reported: a name cannot break out of the picture", () => {
    const { model, placed } = picture(1, 0, `a<b>&"c'`);
    const { svg } = lineageSvg(placed, model.edges, "light");
    expect(svg).toContain(">a&#60;b&#62;&#38;&#34;c&#39;</text>");
    expect(svg).not.toContain("<b>");
  });

  it("cuts a long name to its card's width, with an ellipsis", () => {
    const { model, placed } = picture(1, 0, "x".repeat(200));
    const { svg } = lineageSvg(placed, model.edges, "light");
    const title = svg.match(/>(x+…)<\/text>/)?.[1];
    expect(title).toBeDefined();
    expect(title!.length).toBeLessThan(40);
  });
});
