import { test, expect, graphNode, graphSettled, clickNode, tokenFor } from "./fixtures";
import { readFile } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import { nodeSizes } from "../lib/graph/node-sizes";

/**
 * Past 300 nodes the graph renders only what is in view. Runs last (its own project): it fills the
 * database with a 40-snapshot chain whose snapshots each have ten sibling sandboxes.
 */
const SNAPSHOTS = 40;
const SIBLINGS = 10;

async function buildChain(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${tokenFor("runtime")}` };
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  const put = async (path: string, data: object) => expect((await request.put(path, { headers, data })).ok(), path).toBeTruthy();
  for (let i = 0; i < SNAPSHOTS; i++) {
    if (i > 0) await put(`/api/sandboxes/sbx_big_src_${i}`, { status: "stopped", basedOnSnapshotId: `snap_big_${i - 1}`, createdAt: at(i * 20 - 5) });
    await put(`/api/snapshots/snap_big_${i}`, { status: "created", sizeBytes: 1, createdAt: at(i * 20), ...(i > 0 && { sourceSandboxId: `sbx_big_src_${i}` }) });
    await Promise.all(
      Array.from({ length: SIBLINGS }, (_, k) =>
        put(`/api/sandboxes/sbx_big_sib_${i}_${k}`, { status: "running", basedOnSnapshotId: `snap_big_${i}`, createdAt: at(i * 20 + 1 + k) }),
      ),
    );
  }
}

test("a lineage of more than 300 nodes renders what is in view, and the PNG export draws all of it", async ({ editorPage: page, request }) => {
  // It reports 450 sandboxes and snapshots through the API first.
  test.setTimeout(120_000);
  await buildChain(request);
  const graph = page.getByTestId("lineage-graph");
  const modelCount = async () => Number(await graph.getAttribute("data-node-count"));
  const domCount = () => page.locator(".react-flow__node").count();

  await page.goto("/lineage/snap_big_20");
  await graphSettled(page);
  // Nineteen snapshots of twelve nodes each, the root and its ten sandboxes, the gap and three
  // "load more": all of them are in the page.
  expect(await modelCount()).toBe(243);
  expect(await domCount()).toBe(243);

  // The ten generations of the gap load in one page, which closes it.
  await clickNode(page, "load:ancestors");
  await expect(graph).toHaveAttribute("data-node-count", "360");
  // Now only the part in view is in the page; the anchor, in view, is one of them.
  await expect.poll(domCount).toBeLessThan(100);
  await expect(graphNode(page, "snap_big_20")).toContainText("current");

  // The export draws the whole lineage from the graph's model: nothing more is rendered in the page
  // for it, and the picture spans all forty generations, not the part in view.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PNG" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("lineage-snap_big_20.png");
  const png = await readFile((await file.path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(height).toBeGreaterThan(2 * width);
  expect(height).toBeGreaterThan(SNAPSHOTS * nodeSizes.snapshot.height);
  expect(await domCount()).toBeLessThan(100);
});
