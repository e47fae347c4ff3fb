"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FleetPage } from "@/lib/client";
import { lineageSvg } from "@/lib/graph/export-svg";
import type { Size, XY } from "@/lib/graph/layout";
import type { LineageGraphModel } from "@/lib/graph/lineage-model";
import type { Theme } from "@/lib/graph/palette";
import { queryKeys } from "@/lib/ui/query-keys";

/** Canvas limits Chromium and Safari keep to; within them, twice the screen's resolution. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64_000_000;

/** The SVG drawn into a canvas, as PNG bytes. */
async function rasterize(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / Math.max(width, height), Math.sqrt(MAX_PIXELS / (width * height)));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  canvas.getContext("2d")!.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((png) => (png ? resolve(png) : reject(new Error("The canvas gave no PNG"))), "image/png"));
}

type Props = {
  fileName: string;
  model: LineageGraphModel;
  /** Where the graph placed each node, and its size. */
  boxes: ReadonlyMap<string, XY & Size>;
  theme: Theme;
};

/** Every node of the graph as a PNG download, on screen or not (drawn from the model, see lib/graph/export-svg.ts). */
export function ExportPngButton({ fileName, model, boxes, theme }: Props) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  const exportPng = async () => {
    if (boxes.size === 0) return;
    setState("busy");
    try {
      const fleetTotal = (snapshotId: string) => queryClient.getQueryData<FleetPage>(queryKeys.fleetCounts(snapshotId))?.counts.total;
      const placed = model.nodes.flatMap((node) => (boxes.has(node.id) ? [{ node, ...boxes.get(node.id)! }] : []));
      const { svg, width, height } = lineageSvg(placed, model.edges, theme, fleetTotal);
      const url = URL.createObjectURL(await rasterize(svg, width, height));
      const link = document.createElement("a");
      link.download = `${fileName}.png`;
      link.href = url;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  };

  return (
    <button
      type="button"
      onClick={exportPng}
      // Not tied to the placed nodes: the server places none (LineageGraph), and a hydrating page keeps the server's attributes.
      disabled={state === "busy"}
      className="rounded-md border border-slate-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      {state === "busy" ? "Exporting…" : state === "failed" ? "Export failed — retry" : "Export PNG"}
    </button>
  );
}
