import { test, expect, graphNode, graphSettled, clickNode, tokenFor } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";

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

test("a lineage of more than 300 nodes renders what is in view, and the PNG export still draws every node", async ({ editorPage: page, request }) => {
  // It reports 450 sandboxes and snapshots through the API, then draws 360 nodes into one image.
  test.setTimeout(180_000);
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

  // The export renders every node while it draws, then goes back to what is in view.
  await page.evaluate(() => {
    const w = window as unknown as { maxNodes: number };
    w.maxNodes = 0;
    new MutationObserver(() => (w.maxNodes = Math.max(w.maxNodes, document.querySelectorAll(".react-flow__node").length))).observe(document.body, { subtree: true, childList: true });
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PNG" }).click();
  expect((await download).suggestedFilename()).toBe("lineage-snap_big_20.png");
  expect(await page.evaluate(() => (window as unknown as { maxNodes: number }).maxNodes)).toBe(360);
  await expect.poll(domCount).toBeLessThan(100);
});
