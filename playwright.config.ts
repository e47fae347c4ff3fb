import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Fixed, so the demo tokens (derived from it) are known to the tests. Test-only. */
export const E2E_SECRET = "e2e-only-secret-lineage-0123456789abcdef";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";

/** The OpenID provider the e2e setup runs in-process (e2e/oidc-provider.ts), beside the app's port. */
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 10);
export const OIDC = {
  issuer: `http://127.0.0.1:${OIDC_PORT}`,
  clientId: "lineage-e2e",
  clientSecret: "e2e-only-oidc-client-secret",
  name: "Test IdP",
  roleMap: "lineage-admins:admin,lineage-editors:editor,staff:viewer",
};

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "e2e", testIgnore: /(screenshots|large-lineage)\.spec\.ts/ },
    // Adds a large lineage to the database, so it runs after the e2e tests.
    { name: "large", testMatch: /large-lineage\.spec\.ts/, dependencies: ["e2e"] },
    // Writes docs/screenshots/*.png on the fresh demo database: `npm run screenshots` only.
    { name: "screenshots", testMatch: /screenshots\.spec\.ts/ },
  ],
  webServer: {
    command: `rm -rf .data-e2e && npx next start -p ${E2E_PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      LINEAGE_DATA_DIR: ".data-e2e",
      LINEAGE_SECRET: E2E_SECRET,
      LINEAGE_DEMO: "1",
      LINEAGE_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
      LINEAGE_OIDC_ISSUER: OIDC.issuer,
      LINEAGE_OIDC_CLIENT_ID: OIDC.clientId,
      LINEAGE_OIDC_CLIENT_SECRET: OIDC.clientSecret,
      LINEAGE_OIDC_NAME: OIDC.name,
      LINEAGE_OIDC_ROLE_MAP: OIDC.roleMap,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
    },
  },
});
