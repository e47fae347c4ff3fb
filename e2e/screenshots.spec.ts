import { test, expect, graphNode, graphSettled, nodeCard, viewportAtRest, createDeepChain } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Writes the README's screenshots (docs/screenshots/*.png) in light and dark, on a fresh demo
 * database. Run by `npm run screenshots`, never by `npm test` (which leaves the tree unchanged).
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png` });

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem("lineage-theme", t), theme);
    });

    test(`sign-in with the identity provider's button (${theme})`, async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("link", { name: /^Sign in with / })).toBeVisible();
      await shot(page, `signin-${theme}`);
    });

    test(`home, lineage and the attach form with its reach (${theme})`, async ({ editorPage: page }) => {
      await page.goto("/");
      await expect(page.getByRole("list", { name: "Recent sandboxes" })).toBeVisible();
      await page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).fill("my-");
      await expect(page.getByRole("option").first()).toBeVisible();
      await shot(page, `home-${theme}`);

      await page.goto("/lineage/my-sandbox?node=sbx_chain_14");
      await expect(page.getByTestId("side-panel").getByTestId("sandbox-patch").first()).toBeVisible();
      await expect(graphNode(page, "sbx_chain_14")).toContainText("failed at #1");
      await graphSettled(page);
      await viewportAtRest(page);
      await shot(page, `lineage-${theme}`);

      await page.goto("/lineage/my-env?node=snap_A");
      const panel = page.getByTestId("side-panel");
      await panel.getByRole("button", { name: "Attach patch…" }).click();
      await panel.getByRole("textbox", { name: "Script", exact: true }).fill("apt-get install -y openssl=3.0.13-1");
      await panel.getByRole("textbox", { name: "Description (optional)" }).fill("Patch CVE-2024-0727 in OpenSSL");
      // sb-1 runs it on its next wake; sb-2 is blocked behind its failed #2.
      await expect(nodeCard(page, "sbx_sb1")).toHaveAttribute("data-reach", "reached");
      await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-reach", "blocked");
      await page.getByRole("button", { name: "Fit View" }).click(); // the whole patch-reach example in view
      await viewportAtRest(page);
      await shot(page, `attach-reach-${theme}`);
    });

    test(`a deep chain: the root, the gap and the generations (${theme})`, async ({ editorPage: page, request }) => {
      const chain = await createDeepChain(request, "shot", 60);
      await page.goto(`/lineage/${chain.snapshot(60)}`);
      await graphSettled(page);
      // Up the chain with the keyboard, as far as the gap: the view follows the focus.
      await page.getByTestId("lineage-graph").focus();
      const gap = nodeCard(page, "gap");
      for (let i = 0; i < 40 && (await gap.getAttribute("data-focused")) === null; i++) await page.keyboard.press("ArrowUp");
      await expect(gap).toHaveAttribute("data-focused", "true");
      await expect(gap).toContainText("50 generations not loaded");
      await viewportAtRest(page);
      await shot(page, `deep-chain-${theme}`);
    });
  });
}

test("phone: the panel becomes a full-screen sheet", async ({ editorPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/lineage/my-env");
  await expect(nodeCard(page, "snap_A")).toBeVisible();
  await graphSettled(page);
  await viewportAtRest(page);
  await shot(page, "phone-lineage-light");
  await page.goto("/lineage/my-env?node=sbx_sb2");
  await expect(page.getByTestId("side-panel").getByRole("heading", { name: "sb-2" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Close details" })).toBeInViewport();
  await shot(page, "phone-panel-light");
});

// The support tasks' views (docs/USABILITY.md): `npx playwright test --project screenshots --grep "support tasks"`.
test.describe("support tasks", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`arrival, reach preview and shortcut sheet (${theme})`, async ({ editorPage: page }) => {
      await page.addInitScript((t) => localStorage.setItem("lineage-theme", t), theme);
      await page.goto("/lineage/sb-2");
      await expect(page.getByTestId("side-panel").getByTestId("sandbox-patch").first()).toBeVisible();
      await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-selected", "true");
      await graphSettled(page);
      await viewportAtRest(page);
      await shot(page, `tasks-arrival-${theme}`);

      await page.getByTestId("side-panel").getByRole("button", { name: "my-env" }).click();
      await page.getByTestId("side-panel").getByRole("button", { name: "Attach patch…" }).click();
      await page.getByTestId("side-panel").getByRole("textbox", { name: "Script", exact: true }).fill("update-ca-certificates --fresh");
      await expect(nodeCard(page, "sbx_sb2")).toHaveAttribute("data-reach", "blocked");
      await page.getByRole("button", { name: "Fit View" }).click();
      await viewportAtRest(page);
      await shot(page, `tasks-reach-${theme}`);

      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByTestId("lineage-graph").focus();
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await shot(page, `tasks-shortcuts-${theme}`);
    });
  }

  test("phone: home list, sandbox sheet, composing with the reach list", async ({ editorPage: page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expect(page.getByRole("list", { name: "Recent sandboxes" }).getByTestId("patch-state").first()).toBeVisible();
    await shot(page, "tasks-phone-home");
    // The demo's golden fleet fills the recent list: my-sandbox is found by search, as on a desktop.
    await page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).fill("my-sandbox");
    await page.getByRole("option").filter({ hasText: "my-sandbox" }).first().click();
    await expect(page.getByTestId("side-panel").getByTestId("sandbox-patch").first()).toBeVisible();
    await shot(page, "tasks-phone-panel");
    await page.goto("/lineage/my-env");
    await page.getByTestId("side-panel").getByRole("button", { name: "Attach patch…" }).click();
    await page.getByTestId("side-panel").getByRole("textbox", { name: "Script", exact: true }).fill("update-ca-certificates --fresh");
    await page.getByTestId("side-panel").getByRole("list", { name: "Reach preview" }).scrollIntoViewIfNeeded();
    await shot(page, "tasks-phone-compose");
  });
});

test("the demo's golden snapshot: the group node, the list and its rollouts, light and dark", async ({ editorPage: page }) => {
  test.setTimeout(120_000); // six views, each loaded and settled
  const fleet = { name: "golden-base", snap: "snap_golden" };
  for (const theme of ["light", "dark"] as const) {
    await page.addInitScript((t) => localStorage.setItem("lineage-theme", t), theme);
    await page.goto(`/lineage/${fleet.name}`);
    await expect(graphNode(page, `more:${fleet.snap}`).getByTestId("fleet-group")).toHaveAttribute("data-total", /\d+/);
    await graphSettled(page);
    // Walk the keyboard focus along the newest sandboxes to the group node: the view follows it.
    await page.getByTestId("lineage-graph").focus();
    await page.keyboard.press("ArrowDown");
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await expect(nodeCard(page, `more:${fleet.snap}`)).toHaveAttribute("data-focused", "true");
    await viewportAtRest(page);
    await shot(page, `fleet-group-${theme}`);

    await page.goto(`/lineage/${fleet.name}?node=${fleet.snap}&fleet=${fleet.snap}`);
    await expect(page.getByTestId("fleet-row").first()).toBeVisible();
    await graphSettled(page);
    await shot(page, `fleet-list-${theme}`);

    await page.goto(`/lineage/${fleet.name}?node=${fleet.snap}`);
    const rollout = page.getByTestId("rollout").first();
    await rollout.scrollIntoViewIfNeeded();
    await expect(rollout).toBeVisible();
    await shot(page, `fleet-rollout-${theme}`);
  }
});
