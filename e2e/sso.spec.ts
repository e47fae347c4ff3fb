import type { BrowserContext, Page } from "@playwright/test";
import { test, expect, createSpecExample, tokenFor } from "./fixtures";
import { oidcPeople, type OidcLogin } from "./oidc-provider";
import { OIDC } from "../playwright.config";

/** Through the provider's own login and consent pages (oidc-provider's development interactions). */
async function atProvider(page: Page, login: OidcLogin) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  // The provider asks for consent when the grant is new; either way the browser ends up back at the app.
  await expect
    .poll(async () => (!page.url().startsWith(OIDC.issuer) ? "back" : (await consent.isVisible()) ? "consent" : "waiting"))
    .not.toBe("waiting");
  if (page.url().startsWith(OIDC.issuer)) await consent.click();
  await expect(page).not.toHaveURL(new RegExp(`^${OIDC.issuer}/`));
}

async function ssoSignIn(page: Page, login: OidcLogin, from = "/") {
  await page.goto(from);
  await page.getByRole("link", { name: `Sign in with ${OIDC.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC.issuer}/`));
  await atProvider(page, login);
}

/** The start of a sign-in, as the app hands it out: the provider's authorization URL (the flow cookie lands in the context). */
async function startUrl(page: Page): Promise<URL> {
  const res = await page.request.get("/api/session/oidc/start?next=/", { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  return new URL(res.headers().location!);
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === "lineage_session");

test.describe("single sign-on", () => {
  test("the sign-in page offers the provider beside token sign-in", async ({ page }) => {
    await page.goto("/signin?next=%2Fadmin");
    const link = page.getByRole("link", { name: `Sign in with ${OIDC.name}` });
    await expect(link).toHaveAttribute("href", "/api/session/oidc/start?next=%2Fadmin");
    await expect(page.getByLabel("API token")).toBeVisible();
  });

  for (const [login, role] of [
    ["ada", "admin"],
    ["eddie", "editor"],
    ["vic", "viewer"],
  ] as const) {
    test(`${login} (groups ${oidcPeople[login].groups.join(", ")}) signs in as ${role}`, async ({ page }) => {
      await ssoSignIn(page, login, "/lineage/my-env?node=snap_A");
      await expect(page).toHaveURL(/\/lineage\/my-env\?node=snap_A$/);
      await expect(page.getByTestId("role-badge")).toHaveText(role);
      await expect(page.getByRole("banner")).toContainText(oidcPeople[login].email);
      const me = await page.request.get("/api/session");
      expect((await me.json()).user).toMatchObject({ kind: "user", role, name: oidcPeople[login].email });
    });
  }

  test("a person with no mapped group is refused with a page that says so", async ({ page }) => {
    await ssoSignIn(page, "mo");
    await expect(page).toHaveURL(/\/signin\/refused\?reason=no_role$/);
    await expect(page.getByRole("main").getByRole("alert").getByRole("heading")).toHaveText("Your account has no access to Lineage");
    expect((await page.request.get("/api/session")).status()).toBe(401);
    expect(await sessionCookie(page.context())).toBeUndefined();
  });

  test("an altered state is refused", async ({ page }) => {
    const url = await startUrl(page);
    url.searchParams.set("state", "attacker-chosen-state");
    await page.goto(url.href);
    await atProvider(page, "eddie");
    await expect(page).toHaveURL(/\/signin\/refused\?reason=state_mismatch$/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("does not belong to the sign-in this browser started");
    expect((await page.request.get("/api/session")).status()).toBe(401);
  });

  test("an ID token for another nonce is refused", async ({ page }) => {
    const url = await startUrl(page);
    url.searchParams.set("nonce", "attacker-chosen-nonce");
    await page.goto(url.href);
    await atProvider(page, "eddie");
    await expect(page).toHaveURL(/\/signin\/refused\?reason=token_rejected$/);
    expect((await page.request.get("/api/session")).status()).toBe(401);
  });

  test("a callback replayed is refused, with or without the flow cookie it came with", async ({ page, context }) => {
    const url = await startUrl(page);
    const flow = (await context.cookies()).find((c) => c.name === "lineage_oidc")!;
    expect(flow).toBeDefined();
    const callback = page.waitForRequest((r) => r.url().includes("/api/session/oidc/callback?"));
    await page.goto(url.href);
    await atProvider(page, "vic");
    const callbackUrl = (await callback).url();
    await expect(page.getByTestId("role-badge")).toHaveText("viewer");

    // The flow cookie was used up: the same answer again is a sign-in this browser did not start.
    await page.goto(callbackUrl);
    await expect(page).toHaveURL(/\/signin\/refused\?reason=flow_expired$/);
    // With the flow cookie put back (state, nonce and verifier all match), the provider refuses the used code.
    await context.addCookies([flow]);
    await page.goto(callbackUrl);
    await expect(page).toHaveURL(/\/signin\/refused\?reason=token_rejected$/);
  });

  test("signing out ends the session here and at the provider", async ({ page, playwright }) => {
    await ssoSignIn(page, "eddie");
    await expect(page.getByTestId("role-badge")).toHaveText("editor");
    const cookie = (await sessionCookie(page.context()))!;

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(new RegExp(`^${OIDC.issuer}/`));
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(/\/signin$/);

    // A copy of the old cookie no longer works.
    const replay = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
    expect((await replay.get("/api/session")).status()).toBe(401);
    await replay.dispose();
    // The provider asks for a login again: its session ended too.
    await page.getByRole("link", { name: `Sign in with ${OIDC.name}` }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
  });

  test("an editor signed in by SSO attaches a patch; the audit log names them; an admin ends their sessions", async ({ page, browser }) => {
    const { snapA, name } = await createSpecExample(page);
    await ssoSignIn(page, "eddie", `/lineage/${name}?node=${snapA}`);
    const panel = page.getByTestId("side-panel");
    await panel.getByRole("button", { name: "Attach patch…" }).click();
    await panel.getByRole("textbox", { name: "Script", exact: true }).fill("echo attached by sso");
    await panel.getByRole("button", { name: "Attach patch", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "attached" })).toContainText("Patch #1 attached");

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await ssoSignIn(admin, "ada", "/admin");
    await expect(admin).toHaveURL(/\/admin$/);
    const attach = admin.getByTestId("audit-table").getByRole("row").filter({ hasText: "patch.attach" }).filter({ hasText: "eddie@example.com" }).first();
    await expect(attach.getByTestId("audit-actor-user")).toHaveText("eddie@example.com · sub eddie");

    const eddie = admin.getByTestId("user-item").filter({ hasText: "eddie@example.com" });
    await expect(eddie).toContainText("editor");
    await expect(eddie.getByTestId("active-sessions")).not.toHaveText("0 active sessions");
    admin.on("dialog", (d) => void d.accept());
    await eddie.getByRole("button", { name: "End sessions" }).click();
    await expect(eddie.getByTestId("active-sessions")).toHaveText("0 active sessions");
    await adminContext.close();

    // Eddie's next request finds the session over.
    expect((await page.request.get("/api/session")).status()).toBe(401);
    await page.reload();
    await expect(page).toHaveURL(/\/signin\?next=/);
  });

  test("token sign-in keeps working beside the provider", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("API token").fill(tokenFor("viewer"));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("role-badge")).toHaveText("viewer");
  });
});
