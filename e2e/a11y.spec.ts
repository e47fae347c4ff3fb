import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, graphSettled, signIn, tokenFor } from "./fixtures";

/** WCAG 2.2 AA (and the A level under it), as axe-core tags its rules. */
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).slice(0, 5).join(" | ")}`);
  expect(summary, where).toEqual([]);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`axe, WCAG 2.2 AA, ${theme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem("lineage-theme", t), theme);
    });

    test(`sign-in (${theme})`, async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: "Sign in to Lineage" })).toBeVisible();
      await expectNoViolations(page, "sign-in");
      await page.getByLabel("API token").fill("lin_not_a_real_token");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "sign-in with its error");
    });

    test(`home (${theme})`, async ({ page }) => {
      await signIn(page, "editor");
      await page.goto("/");
      await expect(page.getByRole("list", { name: "Recent sandboxes" })).toBeVisible();
      await expectNoViolations(page, "home");
      await page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).fill("my-");
      await expect(page.getByRole("option").first()).toBeVisible();
      await expectNoViolations(page, "home with search results");
    });

    test(`lineage, side panels and the attach form (${theme})`, async ({ page }) => {
      await signIn(page, "editor");
      await page.goto("/lineage/my-sandbox?node=sbx_chain_14");
      await expect(page.getByTestId("side-panel").getByRole("heading").first()).toBeVisible();
      await graphSettled(page);
      await expectNoViolations(page, "lineage with a sandbox panel");

      await page.goto("/lineage/my-env?node=snap_A");
      const panel = page.getByTestId("side-panel");
      await expect(panel.getByTestId("patch-item").first()).toBeVisible();
      await expectNoViolations(page, "snapshot panel with its patches");

      await panel.getByRole("button", { name: "Attach patch…" }).click();
      await panel.getByRole("textbox", { name: "Script", exact: true }).fill("echo hi");
      await expectNoViolations(page, "attach form with the reach highlighted");
    });

    test(`the fleet list and rollouts (${theme})`, async ({ page }) => {
      await signIn(page, "editor");
      await page.goto("/lineage/golden-base?node=snap_golden&fleet=snap_golden&state=failed");
      await expect(page.getByTestId("fleet-row").first()).toBeVisible();
      await expectNoViolations(page, "fleet list filtered to failed sandboxes");
      await page.goto("/lineage/golden-base?node=snap_golden");
      await expect(page.getByTestId("rollout").first()).toBeVisible();
      await expectNoViolations(page, "snapshot panel with rollouts");
    });

    test(`a viewer's disabled forms and a deleted snapshot (${theme})`, async ({ page }) => {
      await signIn(page, "viewer");
      await page.goto("/lineage/my-env?node=snap_A");
      await expect(page.getByTestId("side-panel")).toContainText("Your role is viewer");
      await expectNoViolations(page, "viewer panel");
    });

    test(`admin (${theme})`, async ({ page }) => {
      await signIn(page, "admin");
      await page.goto("/admin");
      await expect(page.getByTestId("audit-table")).toBeVisible();
      await expectNoViolations(page, "admin");
    });

    test(`not found and bad request (${theme})`, async ({ page }) => {
      await signIn(page, "viewer");
      await page.goto("/lineage/no-such-thing");
      await expect(page.getByTestId("not-found")).toBeVisible();
      await expectNoViolations(page, "not found");
      await page.goto("/lineage/%ZZ");
      await expect(page.getByTestId("bad-request")).toBeVisible();
      await expectNoViolations(page, "bad request");
    });
  });
}

test("long unbroken text wraps: panels, graph cards, patch lists, search results", async ({ editorPage: page }) => {
  const origin = test.info().project.use.baseURL!;
  const tag = Date.now().toString(36);
  // The longest ids and names the API takes, and a patch with a 1 000-character unbroken description.
  const snap = `snap_${tag}${"L".repeat(64 - tag.length)}`;
  const sandbox = `sbx_${tag}${"S".repeat(64 - tag.length)}`;
  const name = `${tag}-${"n".repeat(62 - tag.length)}`;
  const runtime = { authorization: `Bearer ${tokenFor("runtime")}` };
  expect((await page.request.put(`/api/snapshots/${snap}`, { data: { name, status: "created", sizeBytes: 1 }, headers: runtime })).status()).toBe(201);
  expect((await page.request.put(`/api/sandboxes/${sandbox}`, { data: { status: "running", basedOnSnapshotId: snap }, headers: runtime })).status()).toBe(201);
  const attached = await page.request.post(`/api/snapshots/${snap}/patches`, {
    data: { script: `echo ${"y".repeat(3000)}`, description: "x".repeat(1000) },
    headers: { origin },
  });
  expect(attached.status()).toBe(201);

  const fits = async (where: string, locator: ReturnType<Page["locator"]>) => {
    const size = await locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll, where).toBeLessThanOrEqual(size.client + 1);
  };
  for (const node of [snap, sandbox]) {
    await page.goto(`/lineage/${name}?node=${node}`);
    const panel = page.getByTestId("side-panel");
    await expect(panel.getByRole("heading").first()).toBeVisible();
    await fits(`panel of ${node}`, panel);
    for (const card of await page.locator(".react-flow__node > div").all()) await fits(`graph card in ${node}`, card);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), node).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: test.info().outputPath(`long-text-${node.slice(0, 4)}.png`) });
  }
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search sandboxes and snapshots" }).fill(tag);
  await expect(page.getByRole("option").first()).toBeVisible();
  await fits("search results", page.getByRole("listbox"));
  await page.screenshot({ path: test.info().outputPath("long-text-search.png") });
});
