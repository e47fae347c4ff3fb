import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const integration = ["test/integration/**/*.test.ts"];

// Integration tests run once on embedded PGlite and once more on PostgreSQL when TEST_DATABASE_URL is set.
const databases = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      ...databases.map((db) => ({
        resolve: { alias },
        test: {
          name: db,
          include: integration,
          env: { TEST_DB: db },
          testTimeout: 120_000,
          hookTimeout: 60_000,
          ...(db === "pglite" && { globalSetup: ["test/helpers/pglite-dump.ts"] }),
        },
      })),
    ],
  },
});
