import { test, expect, graphNode, nodeCard, tokenFor, clickNode } from "./fixtures";

test("search from the home page lands on the lineage of my-sandbox", async ({ editorPage: page }) => {
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Recent sandboxes" }).getByRole("link").first()).toBeVisible();

  await page.getByRole("heading", { level: 1 }).click(); // move focus out of the autofocused search box
  await page.keyboard.press("/");
  const search = page.getByRole("combobox", { name: "Search sandboxes and snapshots" });
  await expect(search).toBeFocused();
  await search.pressSequentially("my-sand");
  const hit = page.getByRole("option").filter({ hasText: "my-sandbox" });
  await expect(hit).toBeVisible();
  await hit.click();

  // The searched sandbox is selected on arrival, its panel open; the plain link is that view.
  await expect(page).toHaveURL(/\/lineage\/my-sandbox$/);
  await expect(nodeCard(page, "sbx_chain_14")).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("side-panel").getByRole("heading", { name: "my-sandbox" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Lineage of my-sandbox" })).toBeVisible();
  // The current snapshot (newest taken of my-sandbox), marked; my-sandbox above it; its parent above that.
  await expect(nodeCard(page, "snap_4c9b7bee")).toContainText("current");
  await expect(graphNode(page, "sbx_chain_14")).toContainText("my-sandbox");
  await expect(graphNode(page, "sbx_chain_14")).toContainText("failed at #1");
  await expect(graphNode(page, "snap_4c9b7add")).toContainText("2 patches");
  // Siblings beside their snapshots, with their patch state; the next snapshot below.
  await expect(graphNode(page, "sbx_4c9b7add_1")).toContainText("1 pending");
  await expect(graphNode(page, "sbx_4c9b7bee_1")).toBeVisible();
  await expect(graphNode(page, "snap_4c9b7cff")).toBeVisible();
});

test("an unknown name gets a not-found page with a search box", async ({ editorPage: page }) => {
  await page.goto("/lineage/no-such-thing");
  await expect(page.getByTestId("not-found")).toContainText("No sandbox or snapshot is called “no-such-thing”");
  const search = page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).last();
  await search.fill("popular");
  await page.getByRole("option").filter({ hasText: "popular-base" }).click();
  await expect(page).toHaveURL(/\/lineage\/popular-base$/);
  await expect(nodeCard(page, "snap_4c9b7033")).toHaveAttribute("data-selected", "true");
  // More than ten sandboxes were started from popular-base (other tests add some): the ten newest
  // are drawn, the rest are one group node with the exact total.
  await expect(graphNode(page, "more:snap_4c9b7033")).toContainText(/\d+ sandboxes/);
});

test("the first view arrives with the page; when the API then cannot be reached, loading more offers a retry", async ({ editorPage: page }) => {
  // Nothing from the browser reaches the API, yet the server-rendered first view is complete.
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  await page.goto("/lineage/my-sandbox");
  await expect(graphNode(page, "snap_4c9b7bee")).toContainText("current");

  // The root arrives with it too; generation 1, in the gap below the root, does not.
  await expect(graphNode(page, "snap_4c9b6d00")).toContainText("base-ubuntu");
  await clickNode(page, "load:ancestors");
  await expect(graphNode(page, "load:ancestors")).toContainText("Could not load — click to retry");
  await expect(graphNode(page, "snap_4c9b6e11")).toHaveCount(0);

  await page.unroute("**/api/**");
  await clickNode(page, "load:ancestors");
  await expect(graphNode(page, "snap_4c9b6e11")).toContainText("gen 1");
});

test("a sandbox started from scratch, with no snapshot, gets an empty state", async ({ editorPage: page, request }) => {
  const put = await request.put("/api/sandboxes/sbx_scratchonly", {
    headers: { authorization: `Bearer ${tokenFor("runtime")}` },
    data: { name: "scratch-only", status: "running" },
  });
  expect(put.ok()).toBeTruthy();
  await page.goto("/lineage/scratch-only");
  await expect(page.getByTestId("no-lineage")).toContainText("scratch-only has no lineage yet");
  await expect(page.getByTestId("no-lineage")).toContainText("started from scratch");
});

test("dark mode toggles and is remembered", async ({ editorPage: page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to light mode" }).click();
  await expect(html).not.toHaveClass(/dark/);
});
