import { expect, test } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";

test("defaults: port 3000, embedded .data, demo on", () => {
  expect(loadConfig({})).toEqual({ port: 3000, databaseUrl: undefined, dataDir: ".data", demo: true, secret: undefined, adminToken: undefined, publicOrigin: undefined });
});

test("DATABASE_URL turns the demo off unless asked for", () => {
  expect(loadConfig({ DATABASE_URL: "postgres://h/db" }).demo).toBe(false);
  expect(loadConfig({ DATABASE_URL: "postgres://h/db", LINEAGE_DEMO: "1" }).demo).toBe(true);
});

test.each([
  [{ PORT: "eighty" }, "PORT"],
  [{ PORT: "70000" }, "PORT"],
  [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
  [{ LINEAGE_DEMO: "yes" }, "LINEAGE_DEMO"],
  [{ LINEAGE_SECRET: "short" }, "LINEAGE_SECRET"],
  [{ LINEAGE_ADMIN_TOKEN: "short" }, "LINEAGE_ADMIN_TOKEN"],
])("a bad value stops start-up naming the variable: %j", (env, name) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(name);
});

test("production with PostgreSQL refuses to start without LINEAGE_SECRET", () => {
  expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db" })).toThrow(/LINEAGE_SECRET: required in production/);
  expect(loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db", LINEAGE_SECRET: "x".repeat(32) }).secret).toBe("x".repeat(32));
});
