import { test, expect, signIn, tokenFor } from "./fixtures";

/** docs/RELIABILITY.md "Boundaries, round 2", against the real server (`next start`). */

/** OpenComputer's clients read `error` as a string on the checkpoint routes, refusals included. */
const expectMessageShape = async (res: { status(): number; json(): Promise<unknown> }, status: number) => {
  expect(res.status()).toBe(status);
  expect(await res.json()).toEqual({ error: expect.stringMatching(/\S/) });
};

const expectErrorShape = async (res: { status(): number; headers(): Record<string, string>; json(): Promise<unknown> }, status: number, code: string) => {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toMatch(/^application\/json/);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\S/);
};

test.describe("what the framework would answer with a 500", () => {
  // (A method Node's HTTP parser does not know at all is refused by it with a bare 400 before any code runs.)
  for (const method of ["TRACE", "PROPFIND", "MKCOL", "PURGE"]) {
    test(`${method} on API paths: 405 with Allow where a route is, 404 elsewhere, in the error shape`, async ({ request }) => {
      const res = await request.fetch("/api/snapshots/my-env", { method });
      await expectErrorShape(res, 405, "method_not_allowed");
      expect(res.headers()["allow"]).toBe("GET, PUT, HEAD");
      await expectErrorShape(await request.fetch("/api/health", { method }), 405, "method_not_allowed");
      await expectErrorShape(await request.fetch("/api/no-such-route", { method }), 404, "route_not_found");
      await expectErrorShape(await request.fetch("/api", { method }), 404, "route_not_found");
      await expectMessageShape(await request.fetch("/api/sandboxes/checkpoints/snap_A/patches", { method }), 405);
    });
  }

  test("GET /api is a JSON 404", async ({ request }) => {
    await expectErrorShape(await request.get("/api"), 404, "route_not_found");
  });

  for (const bad of ["%ZZ", "%", "%ED%A0%80", "a%2", "%C0%AF"]) {
    test(`a malformed escape ${bad}: 400 in the error shape under /api, the designed page under /lineage`, async ({ request, page }) => {
      await expectErrorShape(await request.get(`/api/snapshots/${bad}`), 400, "invalid_path");
      await expectErrorShape(await request.fetch(`/api/snapshots/${bad}/patches`, { method: "POST", data: { script: "x" } }), 400, "invalid_path");
      await expectMessageShape(await request.get(`/api/sandboxes/checkpoints/${bad}/patches`), 400);
      await signIn(page, "viewer");
      const res = await page.goto(`/lineage/${bad}`);
      expect(res?.status()).toBe(400);
      await expect(page.getByTestId("bad-request")).toContainText("This address is malformed");
    });
  }
});

test.describe("headers", () => {
  test("API answers are never cached: success, 4xx and refusals alike", async ({ request }) => {
    for (const res of [
      await request.get("/api/health"),
      await request.get("/api/snapshots/my-env"),
      await request.get("/api/snapshots/my-env", { headers: { authorization: `Bearer ${tokenFor("viewer")}` } }),
      await request.get("/api/nothing-here"),
    ]) {
      expect(res.headers()["cache-control"], res.url()).toBe("no-store");
    }
  });

  test("pages run scripts by nonce only, and still work; no HSTS over plain http", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, "viewer");
    const res = await page.goto("/lineage/my-env?node=snap_A");
    const csp = res!.headers()["content-security-policy"]!;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    expect(res!.headers()["strict-transport-security"]).toBeUndefined();
    // Hydrated: the panel opened from the URL and the theme toggle works.
    await expect(page.getByTestId("side-panel").getByRole("heading", { name: "my-env" })).toBeVisible();
    const inline = page.locator("script:not([src])");
    for (const script of await inline.all()) expect(await script.evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);
    // A fresh nonce per answer.
    const again = await page.goto("/lineage/my-env?node=snap_A");
    expect(again!.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    expect(violations).toEqual([]);
  });

  test("cookie writes: the Origin must be the site's scheme and host; X-Forwarded-Host is not believed", async ({ page, baseURL }) => {
    await signIn(page, "editor");
    const attach = (headers: Record<string, string>) =>
      page.request.post("/api/snapshots/my-env/patches", { data: { script: "echo origin" }, headers, failOnStatusCode: false });
    const host = new URL(baseURL!).host;
    const refused: Record<string, string>[] = [
      { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      { origin: `https://${host}` },
      { origin: `https://${host}`, "x-forwarded-proto": "https" },
      { origin: "null" },
    ];
    for (const headers of refused) {
      const res = await attach(headers);
      expect(res.status(), JSON.stringify(headers)).toBe(403);
    }
    const ok = await attach({ origin: baseURL! });
    expect(ok.status()).toBe(201);
    await page.request.delete(`/api/snapshots/my-env/patches/${(await ok.json()).patch.id}`, { headers: { origin: baseURL! } });
  });
});

test.describe("sign-in returns only to a path on this site", () => {
  const shapes = [
    "/\t/example.invalid",
    "/\n/example.invalid",
    "/\r\n/example.invalid",
    "//example.invalid",
    "/\\example.invalid",
    "/\t\\example.invalid",
    "\\/example.invalid",
    "https://example.invalid/",
    "javascript:alert(1)",
    "/.//example.invalid",
    "/%2F%2Fexample.invalid",
  ];
  for (const next of shapes) {
    test(`next=${JSON.stringify(next)} stays on the site`, async ({ page, baseURL }) => {
      await page.goto(`/signin?next=${encodeURIComponent(next)}`);
      await page.getByLabel("API token").fill(tokenFor("viewer"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/signin/);
      await page.waitForLoadState();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("a path on the site is followed, query included", async ({ page }) => {
    await page.goto(`/signin?next=${encodeURIComponent("/lineage/my-env?node=snap_A")}`);
    await page.getByLabel("API token").fill(tokenFor("viewer"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/lineage\/my-env\?node=snap_A$/);
  });
});
