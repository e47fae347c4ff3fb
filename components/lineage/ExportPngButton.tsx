"use client";

import { getNodesBounds, getViewportForBounds, useReactFlow } from "@xyflow/react";
import { useState } from "react";

const MAX_SIDE = 4096;
const MARGIN = 40;

/** Past this the export is reported as failed (with a retry) instead of leaving the button busy for good. */
const EXPORT_TIMEOUT_MS = 20_000;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const loadRenderer = () => import("html-to-image");

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Export took longer than ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

type Props = {
  fileName: string;
  /** Asks the graph to render every node, off-screen ones too, while the image is taken. */
  onRenderAll: (all: boolean) => void;
};

/** Renders every node of the graph (not just the visible part) to a PNG download. */
export function ExportPngButton({ fileName, onRenderAll }: Props) {
  const flow = useReactFlow();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  const exportPng = async () => {
    const viewportEl = document.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewportEl) return;
    setState("busy");
    onRenderAll(true);
    try {
      const { toPng } = await loadRenderer();
      // One frame for React to render the off-screen nodes, one for the browser to lay them out.
      await nextFrame();
      await nextFrame();
      const bounds = getNodesBounds(flow.getNodes());
      const scale = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height));
      const width = Math.ceil(bounds.width * scale + MARGIN * 2);
      const height = Math.ceil(bounds.height * scale + MARGIN * 2);
      const vp = getViewportForBounds(bounds, width, height, 0.05, 2, `${MARGIN}px`);
      const dataUrl = await withTimeout(toPng(viewportEl, {
        // The page's background at the moment of export (next-themes keeps the theme as a class on <html>).
        backgroundColor: document.documentElement.classList.contains("dark") ? "#020617" : "#f8fafc",
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
      }), EXPORT_TIMEOUT_MS);
      const link = document.createElement("a");
      link.download = `${fileName}.png`;
      link.href = dataUrl;
      link.click();
      setState("idle");
    } catch {
      setState("failed");
    } finally {
      onRenderAll(false);
    }
  };

  return (
    <button
      type="button"
      onClick={exportPng}
      // The renderer is a separate chunk: start fetching it when the pointer or focus arrives.
      onPointerEnter={() => void loadRenderer()}
      onFocus={() => void loadRenderer()}
      disabled={state === "busy"}
      className="rounded-md border border-slate-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      {state === "busy" ? "Exporting…" : state === "failed" ? "Export failed — retry" : "Export PNG"}
    </button>
  );
}
