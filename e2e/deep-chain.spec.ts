import { test, expect, boxOf, clickNode, graphNode, graphSettled, viewportAtRest, createDeepChain } from "./fixtures";
import { formatGeneration } from "../lib/graph/deep-chain";

/** A 300-deep chain: generation 300 is the anchor, generation 0 the root, an hour between each. */
const DEPTH = 300;
let chain: Awaited<ReturnType<typeof createDeepChain>>;

test.use({ timezoneId: "UTC" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  chain = await createDeepChain(request, "deep", DEPTH);
});

const gap = (page: import("@playwright/test").Page) => page.getByTestId("gap-node");
const current = (page: import("@playwright/test").Page) => page.locator(".react-flow__node-snapshot", { hasText: "current" });

test("the first view of a deep chain shows its root and exactly how many generations are not loaded", async ({ editorPage: page }) => {
  await page.goto(`/lineage/${chain.snapshot(DEPTH)}`);
  await graphSettled(page);
  // Nine ancestors load with the anchor (gen 291–299); gen 1–290 are the gap; gen 0 is the root.
  await expect(gap(page)).toHaveAttribute("data-missing", "290");
  await expect(gap(page)).toContainText(`${formatGeneration(290)} generations not loaded`);
  await expect(gap(page)).toContainText("gen 1 – 290");
  await expect(graphNode(page, chain.snapshot(0))).toContainText("root");
  await expect(graphNode(page, chain.snapshot(0))).toContainText("gen 0");
  await expect(graphNode(page, chain.snapshot(DEPTH))).toContainText(`gen ${formatGeneration(DEPTH)}`);
  await expect(graphNode(page, chain.snapshot(291))).toBeAttached();
  await expect(graphNode(page, chain.snapshot(290))).toHaveCount(0);

  // Pages load from both sides of the gap, and nothing on screen moves.
  await viewportAtRest(page);
  const before = { anchor: await boxOf(page, chain.snapshot(DEPTH)), root: await boxOf(page, chain.snapshot(0)), top: await boxOf(page, chain.snapshot(291)) };
  await clickNode(page, "load:rootSide");
  await expect(gap(page)).toHaveAttribute("data-missing", "280");
  await expect(graphNode(page, chain.snapshot(10))).toContainText("gen 10");
  await clickNode(page, "load:ancestors");
  await expect(gap(page)).toHaveAttribute("data-missing", "270");
  await expect(graphNode(page, chain.snapshot(281))).toBeAttached();
  expect(await boxOf(page, chain.snapshot(DEPTH))).toEqual(before.anchor);
  expect(await boxOf(page, chain.snapshot(0))).toEqual(before.root);
  expect(await boxOf(page, chain.snapshot(291))).toEqual(before.top);
});

test("go to generation 17 re-anchors the view there; the breadcrumb and the back button return to the view before", async ({ editorPage: page }) => {
  await page.goto(`/lineage/${chain.snapshot(DEPTH)}?node=${chain.snapshot(DEPTH)}`);
  const panel = page.getByTestId("side-panel");
  await panel.getByRole("spinbutton", { name: "Go to generation" }).fill("17");
  await panel.getByRole("button", { name: "Go to generation" }).click();

  await expect(page).toHaveURL(/gen=17/);
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(17));
  await expect(current(page)).toContainText("gen 17");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("generation 17");
  // From gen 17: ancestors gen 8–16 load with it, gen 1–7 are the gap.
  await graphSettled(page);
  await expect(gap(page)).toHaveAttribute("data-missing", "7");

  // Closing a gap: the last page joins the root, the gap node goes, nothing on screen moves.
  await viewportAtRest(page);
  const root = await boxOf(page, chain.snapshot(0));
  const anchor = await boxOf(page, chain.snapshot(17));
  await clickNode(page, "load:ancestors");
  await expect(graphNode(page, chain.snapshot(1))).toBeAttached();
  await expect(gap(page)).toHaveCount(0);
  await expect(graphNode(page, "load:ancestors")).toHaveCount(0);
  await expect(graphNode(page, "load:rootSide")).toHaveCount(0);
  expect(await boxOf(page, chain.snapshot(0))).toEqual(root);
  expect(await boxOf(page, chain.snapshot(17))).toEqual(anchor);

  // The URL is a link to the re-anchored view.
  const link = page.url();
  await page.goto(link);
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(17));

  // The breadcrumb leads back to the view it came from.
  await page.getByRole("button", { name: /Lineage of/ }).click();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(DEPTH));
  await expect(page).not.toHaveURL(/gen=/);
  await expect(gap(page)).toHaveAttribute("data-missing", "290");

  // And so does the browser's back button, from a jump.
  await page.goto(link);
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(17));
  await page.goto(`/lineage/${chain.snapshot(DEPTH)}?node=${chain.snapshot(DEPTH)}`);
  await page.getByTestId("side-panel").getByRole("spinbutton", { name: "Go to generation" }).fill("120");
  await page.getByTestId("side-panel").getByRole("button", { name: "Go to generation" }).click();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(120));
  await page.goBack();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(DEPTH));
  await expect(gap(page)).toHaveAttribute("data-missing", "290");
});

test("a generation outside the chain is refused in the panel, and nothing moves", async ({ editorPage: page }) => {
  await page.goto(`/lineage/${chain.snapshot(50)}?node=${chain.snapshot(50)}`);
  const panel = page.getByTestId("side-panel");
  await panel.getByRole("spinbutton", { name: "Go to generation" }).fill("51");
  await panel.getByRole("button", { name: "Go to generation" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Pick a generation from 0 (the root) to 50 (this snapshot).");
  await expect(page).not.toHaveURL(/gen=/);
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(50));
});

test("as of a date lands on the newest snapshot taken by then; before the root, it says so", async ({ editorPage: page }) => {
  await page.goto(`/lineage/${chain.snapshot(DEPTH)}?node=${chain.snapshot(DEPTH)}`);
  const panel = page.getByTestId("side-panel");
  // Half an hour after generation 42 was taken (all times UTC): generation 42 is the newest then.
  await panel.getByLabel("As of", { exact: true }).fill("2026-01-02T18:30");
  await panel.getByRole("button", { name: "Go to the chain as of this time" }).click();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(42));
  expect(chain.createdAt(42)).toBe("2026-01-02T18:00:00.000Z");
  await expect(page).toHaveURL(/asOf=2026-01-02T18%3A30%3A00.000Z|asOf=2026-01-02T18:30:00.000Z/);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("the chain as of");

  // Before the root was taken: a clear message in the panel, and the view stays where it is.
  await page.getByRole("button", { name: /Lineage of/ }).click();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(DEPTH));
  await clickNode(page, chain.snapshot(DEPTH));
  await panel.getByLabel("As of", { exact: true }).fill("2025-12-31T23:00");
  await panel.getByRole("button", { name: "Go to the chain as of this time" }).click();
  await expect(panel.getByTestId("jump-miss")).toContainText("No snapshot of this chain existed yet");
  await expect(panel.getByTestId("jump-miss")).toContainText(`root ${chain.snapshot(0)}, was taken on`);
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(DEPTH));

  // The same as a link: the page says so and leads back.
  await page.goto(`/lineage/${chain.snapshot(DEPTH)}?asOf=2025-12-31T23:00:00.000Z`);
  await expect(page.getByTestId("jump-miss")).toContainText("No snapshot of this chain existed yet");
  await page.getByRole("button", { name: "← Back to the lineage" }).click();
  await expect(current(page)).toHaveAttribute("data-id", chain.snapshot(DEPTH));
});
