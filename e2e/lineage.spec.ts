import { test, expect, graphNode, nodeCard, boxOf, clickNode, tokenFor, graphSettled } from "./fixtures";

const ANCHOR = "snap_4c9b7bee"; // my-sandbox's current snapshot: 14 ancestors above it, 12 descendants below
const BASE_IMAGE = "snap_4c9b6d00"; // base-ubuntu, the oldest ancestor
const NEWEST = "snap_4c9b88ba"; // the last descendant (i = 26)

test("load more ancestors and descendants: earlier nodes keep their place on screen", async ({ editorPage: page }) => {
  await page.goto("/lineage/my-sandbox");
  await expect(nodeCard(page, ANCHOR)).toContainText("current");
  // First pages: nine ancestors and nine descendants besides the anchor, and the root above the
  // four generations not loaded.
  await expect(page.locator('.react-flow__node[data-id^="snap_"]')).toHaveCount(20);
  await expect(graphNode(page, BASE_IMAGE)).toContainText("root");
  await expect(page.getByTestId("gap-node")).toHaveAttribute("data-missing", "4");
  await graphSettled(page);
  const watched = [ANCHOR, "sbx_chain_14", "sbx_4c9b7bee_1", "snap_4c9b7add", BASE_IMAGE];
  const before = await Promise.all(watched.map((id) => boxOf(page, id)));

  await clickNode(page, "load:ancestors");
  await expect(graphNode(page, "snap_4c9b6e11")).toContainText("gen 1");
  await expect(page.getByTestId("gap-node")).toHaveCount(0); // the gap closed
  await expect(graphNode(page, "load:ancestors")).toHaveCount(0); // the chain's top is reached

  await clickNode(page, "load:descendants");
  await expect(graphNode(page, NEWEST)).toBeVisible();
  await expect(graphNode(page, "load:descendants")).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id^="snap_"]')).toHaveCount(27);

  const after = await Promise.all(watched.map((id) => boxOf(page, id)));
  after.forEach((box, i) => {
    expect(box.x, watched[i]).toBeCloseTo(before[i]!.x, 0);
    expect(box.y, watched[i]).toBeCloseTo(before[i]!.y, 0);
  });
});

test("clicking a sibling sandbox expands its own snapshots in place, and the panel folds them away", async ({ editorPage: page, request }) => {
  // A sibling (of snap_4c9b78bb, i = 11) gets a snapshot of its own, older than the chain's next one,
  // so the main chain is unchanged; a sandbox is then started from that snapshot.
  const runtime = { authorization: `Bearer ${tokenFor("runtime")}` };
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
  const snap = await request.put("/api/snapshots/snap_e2ebranch", {
    headers: runtime,
    data: { sourceSandboxId: "sbx_4c9b78bb_2", status: "created", sizeBytes: 4096, createdAt: hoursAgo(93) },
  });
  expect(snap.ok()).toBeTruthy();
  const sbx = await request.put("/api/sandboxes/sbx_e2ebranch", {
    headers: runtime,
    data: { name: "branch-experiment", status: "running", basedOnSnapshotId: "snap_e2ebranch", createdAt: hoursAgo(92) },
  });
  expect(sbx.ok()).toBeTruthy();

  await page.goto("/lineage/my-sandbox");
  await expect(graphNode(page, "sbx_4c9b78bb_2")).toContainText("▸ expand");
  await graphSettled(page);
  const anchorBefore = await boxOf(page, ANCHOR);

  await clickNode(page, "sbx_4c9b78bb_2");
  await expect(graphNode(page, "snap_e2ebranch")).toBeVisible();
  await expect(graphNode(page, "sbx_e2ebranch")).toContainText("branch-experiment");
  await expect(graphNode(page, "sbx_4c9b78bb_2")).toContainText("expanded");
  await expect(page.getByTestId("side-panel").getByRole("heading", { name: "sbx_4c9b78bb_2" })).toBeVisible();
  expect(await boxOf(page, ANCHOR)).toEqual(anchorBefore);
  const siblingBox = await boxOf(page, "sbx_4c9b78bb_2");

  // The panel folds the branch away again; nothing else moves.
  await page.getByTestId("side-panel").getByRole("button", { name: "Hide its snapshots in the graph" }).click();
  await expect(graphNode(page, "snap_e2ebranch")).toHaveCount(0);
  await expect(graphNode(page, "sbx_e2ebranch")).toHaveCount(0);
  await expect(graphNode(page, "sbx_4c9b78bb_2")).toContainText("▸ expand");
  await expect(page.getByTestId("side-panel").getByRole("button", { name: "Hide its snapshots in the graph" })).toHaveCount(0);
  expect(await boxOf(page, "sbx_4c9b78bb_2")).toEqual(siblingBox);
  expect(await boxOf(page, ANCHOR)).toEqual(anchorBefore);

  // A sibling without snapshots of its own says so, and has nothing to hide.
  await clickNode(page, "sbx_4c9b7bee_1");
  await expect(graphNode(page, "sbx_4c9b7bee_1")).toContainText("no snapshots of its own");
  await expect(page.getByTestId("side-panel").getByRole("heading", { name: "sbx_4c9b7bee_1" })).toBeVisible();
  await expect(page.getByTestId("side-panel").getByRole("button", { name: "Hide its snapshots in the graph" })).toHaveCount(0);
});

test("a deep link reopens the same selection", async ({ editorPage: page }) => {
  await page.goto("/lineage/my-sandbox");
  await clickNode(page, "snap_4c9b7add");
  await expect(page).toHaveURL(/\/lineage\/my-sandbox\?node=snap_4c9b7add$/);
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByRole("heading", { name: "snap_4c9b7add" })).toBeVisible();

  await page.reload();
  await expect(panel.getByRole("heading", { name: "snap_4c9b7add" })).toBeVisible();
  await expect(nodeCard(page, "snap_4c9b7add")).toHaveAttribute("data-selected", "true");
  await expect(panel.getByTestId("patch-item")).toHaveCount(2);
});

test("keyboard: arrows move between nodes, Enter opens the panel, Esc closes it", async ({ editorPage: page }) => {
  await page.goto("/lineage/my-env");
  await expect(nodeCard(page, "snap_A")).toHaveAttribute("data-focused", "true");
  await page.getByTestId("lineage-graph").focus();

  await page.keyboard.press("ArrowDown");
  await expect(nodeCard(page, "sbx_sb1")).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByRole("heading", { name: "sb-1" })).toBeVisible();
  await expect(page).toHaveURL(/\?node=sbx_sb1$/);

  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/\/lineage\/my-env$/);

  await page.keyboard.press("ArrowRight");
  await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { name: "sb-2" })).toBeVisible();
  // sb-2's second patch failed: the panel shows the state and the run's output, as text.
  await expect(panel.getByTestId("sandbox-patch").filter({ hasText: "failed" })).toContainText("npm ERR! 404 Not Found");

  await page.keyboard.press("ArrowLeft");
  await expect(nodeCard(page, "sbx_sb1")).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("ArrowDown");
  await expect(nodeCard(page, "snap_B")).toHaveAttribute("data-focused", "true");
});

test("the graph exports as a PNG", async ({ editorPage: page }) => {
  await page.goto("/lineage/my-env");
  await expect(graphNode(page, "snap_A")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PNG" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("lineage-my-env.png");
  const bytes = await (await import("node:fs/promises")).readFile((await file.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(10_000);
});

test.describe("in a browser east of UTC", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("times are told in the browser's zone, and the page hydrates with nothing kept from the server's rendering", async ({ editorPage: page }) => {
    await page.goto("/lineage/sb-2");
    const created = page.getByTestId("side-panel").getByText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\+5:30$/);
    await expect(created.first()).toBeVisible();
    // The server places no node (LineageGraph): an attribute derived from the layout would keep the server's value.
    await expect(page.getByRole("button", { name: "Export PNG" })).toBeEnabled();
  });
});
