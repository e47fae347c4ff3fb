import { test, expect, tokenFor, signIn } from "./fixtures";

test.describe("sign-in", () => {
  test("a page without a session redirects to /signin and comes back after signing in", async ({ page }) => {
    await page.goto("/lineage/my-env?node=snap_A");
    await expect(page).toHaveURL(/\/signin\?next=/);
    await expect(page.getByRole("heading", { name: "Sign in to Lineage" })).toBeVisible();

    await page.getByLabel("API token").fill("lin_not_a_real_token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("unknown or has been revoked");

    await page.getByLabel("API token").fill(tokenFor("editor"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/lineage\/my-env\?node=snap_A$/);
    await expect(page.getByRole("banner")).toContainText("demo-editor");
    await expect(page.getByTestId("role-badge")).toHaveText("editor");
    await expect(page.getByTestId("side-panel").getByRole("heading", { name: "my-env" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?next=%2F$/);
  });

  test("a viewer sees the patch forms disabled, with the reason", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/lineage/my-env?node=snap_A");
    await expect(page.getByTestId("role-badge")).toHaveText("viewer");
    const panel = page.getByTestId("side-panel");
    await expect(panel.getByRole("button", { name: "Attach patch" })).toBeDisabled();
    await expect(panel).toContainText("Your role is viewer: attaching patches needs editor");
    await expect(panel.getByTestId("patch-item")).toHaveCount(2);
    for (const remove of await panel.getByRole("button", { name: "Remove" }).all()) await expect(remove).toBeDisabled();
  });
});
