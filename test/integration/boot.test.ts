import { afterAll, beforeAll, expect, test } from "vitest";
import { config } from "@/lib/config";
import { getDb, liveDemoTokens, prepareDatabase } from "@/lib/boot";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/app";

/** Start-up preparation run again on the same database, as a restart with changed settings does. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ROTATED = "lin_test_rotated_admin_token_9876543210";

test("rotating LINEAGE_ADMIN_TOKEN revokes the old value at start, audited; restarting again changes nothing", async () => {
  const as = (token: string) => app.call("GET", "/api/tokens", { token });
  expect((await as(ADMIN_TOKEN)).status).toBe(200);

  await prepareDatabase(await getDb(), { ...config(), adminToken: ROTATED });
  expect((await as(ADMIN_TOKEN)).status).toBe(401);
  expect((await as(ROTATED)).status).toBe(200);
  const audit = (await app.call("GET", "/api/audit", { token: ROTATED })).body.events;
  const revokes = audit.filter((e: { action: string; actor: string }) => e.action === "token.revoke" && e.actor === "start-up");
  expect(revokes).toHaveLength(1);

  await prepareDatabase(await getDb(), { ...config(), adminToken: ROTATED });
  expect((await as(ROTATED)).status).toBe(200);
  const again = (await app.call("GET", "/api/audit", { token: ROTATED })).body.events;
  expect(again.filter((e: { action: string; actor: string }) => e.action === "token.revoke" && e.actor === "start-up")).toHaveLength(1);
});

test("the start-up banner lists only demo tokens that still work", async () => {
  const cfg = { ...config(), adminToken: ROTATED, demo: true };
  await prepareDatabase(await getDb(), cfg);
  expect((await liveDemoTokens(await getDb(), cfg)).map((t) => t.role).sort()).toEqual(["admin", "editor", "runtime", "viewer"]);
  expect((await app.call("DELETE", "/api/tokens/tok_demo_viewer", { token: ROTATED })).status).toBe(200);
  expect((await liveDemoTokens(await getDb(), cfg)).map((t) => t.role).sort()).toEqual(["admin", "editor", "runtime"]);
});
