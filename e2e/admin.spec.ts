import { expect, signIn, test } from "./fixtures";

test("an admin creates a token, sees its secret once, finds the write in the audit log, and revokes it", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/");
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByLabel("Name").fill("e2e-support");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token").textContent();
  expect(secret).toMatch(/^lin_/);

  const row = page.getByTestId("token-list").getByRole("listitem").filter({ hasText: "e2e-support" });
  await expect(row).toContainText("viewer");
  await expect(page.getByTestId("audit-table")).toContainText("token.create");
  await expect(page.getByTestId("audit-table")).toContainText("demo-admin");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await expect(page.getByTestId("audit-table")).toContainText("token.revoke");

  // The revoked secret no longer signs in.
  const res = await page.request.post("/api/session", { data: { token: secret }, headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(401);
});

test("editors get no admin link and an explanation on /admin", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("alert").filter({ hasText: "Admins only" })).toContainText("the editor role");
  await expect(page.getByTestId("token-list")).toHaveCount(0);
});
