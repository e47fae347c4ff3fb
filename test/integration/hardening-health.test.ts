import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getDb } from "@/lib/boot";
import { rows } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";

/** GET /api/health, for load balancers: 200 when the database answers with every migration applied, else 503. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

test("healthy: 200 without credentials, database reachable, migrations current", async () => {
  const res = await app.call("GET", "/api/health", { token: null });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: "ok", ok: true, database: "reachable" });
  expect(res.body.migrations.applied).toBe(res.body.migrations.expected);
  expect(res.body.migrations.expected).toBeGreaterThan(0);
});

test("a migration missing from the database: 503 migrations_pending, 200 again once applied", async () => {
  const db = await getDb();
  const [last] = await rows<{ id: number; hash: string; created_at: string }>(
    db,
    sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations) RETURNING id, hash, created_at`,
  );
  const res = await app.call("GET", "/api/health", { token: null });
  await db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${last!.id}, ${last!.hash}, ${last!.created_at})`);
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ status: "migrations_pending", ok: false });
  expect(res.body.migrations.applied).toBe(res.body.migrations.expected - 1);
  expect((await app.call("GET", "/api/health", { token: null })).status).toBe(200);
});
