import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, graphNode, nodeCard, tokenFor } from "./fixtures";
import { User } from "./user";

/**
 * Everyday support tasks on the demo data, done as a user does them (search, click, type; a URL
 * only when the task is about a link), each with the answer it must reach and an interaction
 * budget. docs/USABILITY.md lists them with the counts measured here.
 */

const search = (page: Page) => page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).first();
const panel = (page: Page) => page.getByTestId("side-panel");
const graph = (page: Page) => page.getByTestId("lineage-graph");

/** From the home page, as a user: type the name into search, wait for it to be offered first, press Enter. */
async function openFromHome(page: Page, user: User, name: string) {
  await page.goto("/");
  await user.type(search(page), name);
  await expect(page.getByRole("option").first()).toContainText(name);
  await user.press("Enter");
}

/** Patches attached through the API for a task, removed again after it so other tasks see the demo as seeded. */
async function withPatch(page: Page, description: string) {
  const res = await page.request.post("/api/snapshots/my-env/patches", {
    data: { script: "echo oops", description },
    headers: { authorization: `Bearer ${tokenFor("editor")}` },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { patch: { id: string; sequence: number } }).patch;
}
// A fresh request context (the test's `request`): the page's may hold a keep-alive socket the server has closed.
async function removeLivePatchesAbove(request: APIRequestContext, sequence: number) {
  const auth = { authorization: `Bearer ${tokenFor("editor")}` };
  const list = (await (await request.get("/api/snapshots/my-env/patches", { headers: auth })).json()) as { patches: { id: string; sequence: number }[] };
  for (const p of list.patches.filter((p) => p.sequence > sequence)) {
    expect((await request.delete(`/api/snapshots/my-env/patches/${p.id}`, { headers: auth })).status()).toBe(200);
  }
}

test.describe("desktop", () => {
  test("1. why does sb-2 lack the Node.js pin? — its failed run, named, with the output", async ({ editorPage: page }) => {
    const user = new User(page);
    await openFromHome(page, user, "sb-2");

    // The sandbox itself is selected, its panel open, the keyboard in the graph.
    await expect(page).toHaveURL(/\/lineage\/sb-2$/);
    await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-selected", "true");
    await expect(panel(page).getByRole("heading", { name: "sb-2" })).toBeVisible();
    await expect(panel(page).getByTestId("patch-state")).toHaveText("failed at #2 (Pin Node.js to 20.20.2)");
    const run = panel(page).getByTestId("sandbox-patch").filter({ hasText: "Pin Node.js to 20.20.2" });
    await expect(run).toContainText("failed");
    await expect(run).toContainText("npm ERR! 404 Not Found");
    await expect(graph(page)).toBeFocused();
    user.withinBudget(3);
  });

  test("2. preview a patch on my-env — who runs it, who is blocked — and attach it", async ({ editorPage: page, request }) => {
    const user = new User(page);
    await openFromHome(page, user, "my-env");
    await user.click(panel(page).getByRole("button", { name: "Attach patch…" }));

    const list = panel(page).getByRole("list", { name: "Reach preview" });
    await expect(list.getByRole("listitem").filter({ hasText: "sb-1" })).toContainText("gets the patch on next wake");
    await expect(list.getByRole("listitem").filter({ hasText: "sb-2" })).toContainText("blocked behind failed #2 (Pin Node.js to 20.20.2)");
    await expect(list.getByRole("listitem").filter({ hasText: "sb-3" })).toContainText("not reached: based on snap_B");
    await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-reach", "blocked");
    await expect(graphNode(page, "sbx_sb2").getByTestId("reach-label")).toHaveAttribute("title", "blocked behind failed #2 (Pin Node.js to 20.20.2)");

    try {
      await user.type(panel(page).getByRole("textbox", { name: "Script", exact: true }), "update-ca-certificates --fresh");
      await user.click(panel(page).getByRole("button", { name: "Attach patch", exact: true }));
      await expect(panel(page).getByRole("status").filter({ hasText: "attached" })).toHaveText(
        // Its number depends on what other tests attached and removed before (sequences are never reused).
        /^Patch #\d+ attached\. 1 sandbox will run it on next wake; 1 is blocked behind failed #2 \(Pin Node\.js to 20\.20\.2\)\.$/,
      );
      user.withinBudget(6);
    } finally {
      await removeLivePatchesAbove(request, 2);
    }
  });

  test("3. remove a patch attached by mistake", async ({ editorPage: page, request }) => {
    const mistake = await withPatch(page, "Attached to the wrong snapshot");
    try {
      const user = new User(page);
      await openFromHome(page, user, "my-env");
      const item = panel(page).getByTestId("patch-item").filter({ hasText: "Attached to the wrong snapshot" });
      await user.click(item.getByRole("button", { name: "Remove" }));
      await user.click(item.getByRole("button", { name: `Remove patch #${mistake.sequence}` }));
      await expect(panel(page).getByRole("status").filter({ hasText: "removed" })).toContainText(`Patch #${mistake.sequence} (Attached to the wrong snapshot) removed.`);
      await expect(item).toHaveCount(0);
      user.withinBudget(4);
    } finally {
      await removeLivePatchesAbove(request, 2);
    }
  });

  test("4. where did sb-3 come from? — its base snapshot, what that was taken of, and its parent, by name", async ({ editorPage: page }) => {
    const user = new User(page);
    await openFromHome(page, user, "sb-3");
    await expect(panel(page).getByRole("heading", { name: "sb-3" })).toBeVisible();
    await user.click(panel(page).getByRole("button", { name: "snap_B" }));

    await expect(panel(page).getByRole("heading", { name: "snap_B" })).toBeVisible();
    await expect(nodeCard(page, "snap_B")).toHaveAttribute("data-selected", "true");
    const details = panel(page).locator("dl").first();
    await expect(details.getByRole("button", { name: "sb-1" })).toBeVisible(); // taken of sb-1
    // The parent is said by its name, its id on hover.
    const parent = details.getByRole("button", { name: "my-env" }).first(); // the Parent row (the Generation row names the root too)
    await expect(parent).toHaveAttribute("title", "snap_A");
    user.withinBudget(3);
  });

  test("5. which patch is my-sandbox stuck on? — named on its card and in its panel", async ({ editorPage: page }) => {
    const user = new User(page);
    await openFromHome(page, user, "my-sandbox");

    await expect(graphNode(page, "sbx_chain_14").getByTestId("patch-state")).toHaveText("failed at #1 (Set the login banner)");
    await expect(panel(page).getByRole("heading", { name: "my-sandbox" })).toBeVisible();
    await expect(panel(page).getByTestId("sandbox-patch").filter({ hasText: "Set the login banner" })).toContainText("Read-only file system");
    // "current" says what it means, on the badge and in the legend.
    await expect(graphNode(page, "snap_4c9b7bee").getByText("current", { exact: true })).toHaveAttribute("title", /newest snapshot taken of it/);
    await expect(page.getByTestId("current-legend")).toContainText("the newest snapshot taken of my-sandbox");
    user.withinBudget(2);
  });

  test("6. share what you are looking at — the link reopens the same view", async ({ editorPage: page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const user = new User(page);
    await openFromHome(page, user, "sb-2");
    // sb-2's base snapshot, by name.
    await user.click(panel(page).getByRole("button", { name: "my-env" }));
    await expect(panel(page).getByRole("heading", { name: "my-env" })).toBeVisible();
    await user.click(panel(page).getByRole("button", { name: "Copy link" }));
    await expect(panel(page).getByRole("button", { name: "Copy link" })).toHaveText("Copied");
    user.withinBudget(4);

    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseURL}/lineage/sb-2?node=snap_A`);
    const colleague = await context.newPage();
    await colleague.goto(link);
    await expect(panel(colleague).getByRole("heading", { name: "my-env" })).toBeVisible();
    await expect(nodeCard(colleague, "snap_A")).toHaveAttribute("data-selected", "true");
    await expect(colleague.getByRole("heading", { name: "Lineage of sb-2" })).toBeVisible();
  });
});

test.describe("keyboard only", () => {
  test("7. find sb-2's failure, then its base snapshot's patches, and the shortcut list — no mouse", async ({ editorPage: page }) => {
    const user = new User(page);
    await page.goto("/");
    await expect(search(page)).toBeFocused(); // the home page starts in the search box
    await user.typeKeys("sb-2");
    await expect(page.getByRole("option").first()).toContainText("sb-2");
    await user.press("Enter");
    await expect(panel(page).getByTestId("patch-state")).toHaveText("failed at #2 (Pin Node.js to 20.20.2)");
    await expect(graph(page)).toBeFocused();
    await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-focused", "true");

    // Up from sb-2 is the snapshot it was started from; Enter opens its patches.
    await user.press("ArrowUp");
    await expect(nodeCard(page, "snap_A")).toHaveAttribute("data-focused", "true");
    await user.press("Enter");
    await expect(panel(page).getByRole("heading", { name: "my-env" })).toBeVisible();
    await expect(panel(page).getByTestId("patch-item").filter({ hasText: "#2" })).toContainText("Pin Node.js to 20.20.2");

    await user.press("?");
    const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText("Move between nodes in the graph");
    await user.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(panel(page)).toBeVisible(); // Esc closed the list only
    // `d` puts the keyboard in the panel: its first control is Copy link.
    await user.press("d");
    await expect(panel(page).getByRole("button", { name: "Copy link" })).toBeFocused();
    user.withinBudget(7);
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("8. on a phone: is my-sandbox running, and why is it failing?", async ({ editorPage: page }) => {
    const user = new User(page);
    await page.goto("/");
    // Lists keep the status on a phone: the home list's rows, and the search results.
    const firstRow = page.getByRole("list", { name: "Recent sandboxes" }).getByRole("link").first();
    await expect(firstRow.getByTestId("patch-state")).toBeInViewport();
    await expect(firstRow.getByText(/^(running|stopped|pending|stopping|failed|snapshotting)$/)).toBeInViewport();
    await user.type(search(page), "my-sandbox");
    const hit = page.getByRole("option").filter({ hasText: "my-sandbox" });
    await expect(hit).toContainText("running"); // the first half of the answer, before opening anything
    await user.tap(hit);

    await expect(panel(page).getByRole("heading", { name: "my-sandbox" })).toBeInViewport();
    await expect(panel(page).getByTestId("patch-state")).toHaveText("failed at #1 (Set the login banner)");
    await expect(panel(page).getByTestId("sandbox-patch").filter({ hasText: "failed" })).toContainText("Read-only file system");
    await expect(panel(page).getByText("Esc to close")).toBeHidden(); // no desktop-only hints
    await expect(panel(page).getByRole("button", { name: "Copy link" })).toBeInViewport();
    user.withinBudget(2);
  });

  test("9. on a phone: compose a patch on my-env and see who it reaches while typing", async ({ editorPage: page }) => {
    const user = new User(page);
    await page.goto("/");
    await user.type(search(page), "my-env");
    await user.tap(page.getByRole("option").filter({ hasText: "my-env" }));
    await user.tap(panel(page).getByRole("button", { name: "Attach patch…" }));
    await user.type(panel(page).getByRole("textbox", { name: "Script", exact: true }), "update-ca-certificates --fresh");

    // The form covers the graph on a phone, so the reach is a list inside the form.
    const list = panel(page).getByRole("list", { name: "Reach preview" });
    await list.scrollIntoViewIfNeeded();
    await expect(list).toBeInViewport();
    await expect(list.getByRole("listitem").filter({ hasText: "sb-1" })).toContainText("gets the patch on next wake");
    await expect(list.getByRole("listitem").filter({ hasText: "sb-2" })).toContainText("blocked behind failed #2");
    await expect(panel(page).getByRole("textbox", { name: "Script", exact: true })).toBeInViewport();
    user.withinBudget(4);
  });
});
