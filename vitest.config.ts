import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const integration = ["test/integration/**/*.test.ts"];
// These put the app under its own load and hold it to time limits (pool waits, an outage): they run
// after the other files, one at a time, so no other test file's work can push them over.
const alone = ["sequences", "concurrency-storm", "faults-database"].map((name) => `test/integration/${name}.test.ts`);

// Integration tests run once on embedded PGlite and once more on PostgreSQL when TEST_DATABASE_URL is set.
const databases = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const databaseProject = (db: string, name: string, files: { include: string[]; exclude?: string[] }, maxWorkers?: number) => ({
  resolve: { alias },
  test: {
    name,
    ...files,
    ...(maxWorkers && { maxWorkers }),
    env: { TEST_DB: db },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Each file's database is a copy of one migrated at the start, instead of migrating afresh.
    globalSetup: [db === "pglite" ? "test/helpers/pglite-dump.ts" : "test/helpers/postgres-template.ts"],
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file per core (Vitest's default leaves one idle): a worker spends much of its time
    // waiting on PostgreSQL, a child process or HTTP. Each worker holds one PGlite, a few hundred MB.
    maxWorkers: os.availableParallelism(),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      ...databases.flatMap((db) => [
        databaseProject(db, db, { include: integration, exclude: alone }),
        databaseProject(db, `${db}-alone`, { include: alone }, 1),
      ]),
    ],
  },
});
