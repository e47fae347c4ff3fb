import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample } from "../helpers/scenario";
import { watchDatabase } from "../property/database-state";
import { propertySeed } from "../property/seed";
import { describeRequest, expectRefusal, shortlyDescribed } from "../property/expect-refusal";
import {
  badCredentials,
  badIdempotencyKey,
  badPathId,
  bodyRoutes,
  malformedBody,
  malformedQuery,
  oversizeBody,
  queryRoutes,
  unknownApiPath,
  wrongContentType,
  wrongMethod,
  type Fixture,
  type MalformedRequest,
} from "../property/malformed-requests";

/**
 * Property-based hardening: thousands of generated bad requests over every route of the API (docs/API.md).
 * Each must be refused with a 4xx in the error shape, and leave every table exactly as it was.
 */
let app: TestApp;
let fixture: Fixture;
let expectUnchanged: (message: string) => Promise<void>;
const seed = propertySeed("hardening-malformed");

beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
  const attached = await app.call("POST", "/api/snapshots/my-env/patches", { token: app.tokens.editor, body: { script: "echo base" } });
  const patchId: string = attached.body.patch.id;
  fixture = { patchId, existing: new Set(["my-env", "snap_A", "snap_B", "sb-1", "sb-2", "sb-3", "sbx_sb1", "sbx_sb2", "sbx_sb3", patchId]) };
  expectUnchanged = await watchDatabase();
});
afterAll(() => app.close());

async function checkRefused(req: MalformedRequest) {
  await expectRefusal(app, req);
  await expectUnchanged(`${describeRequest(req)} changed the database`);
}

// Up to 1 200 requests each: on a busy machine they take minutes, which says nothing about the API.
const MANY_CASES_TIMEOUT = 600_000;

const runs = (arb: fc.Arbitrary<MalformedRequest>, numRuns: number) =>
  fc.assert(fc.asyncProperty(arb.map(shortlyDescribed), checkRefused), { numRuns, seed });

test("malformed bodies on every body route → 400", async () => {
  for (const r of bodyRoutes(fixture)) await runs(malformedBody(r), 200);
}, MANY_CASES_TIMEOUT);

test("JSON with a wrong content type → 415", async () => {
  for (const r of bodyRoutes(fixture)) await runs(wrongContentType(r), 40);
});

test("bodies over 1 MiB, declared or streamed → 413", async () => {
  for (const r of bodyRoutes(fixture)) await runs(oversizeBody(r), 10);
});

test("bad ids and names in every path → 400 or 404", async () => {
  await runs(badPathId(fixture), 600);
}, MANY_CASES_TIMEOUT);

test("paths no route serves → 404 in the error shape", async () => {
  await runs(unknownApiPath(fixture), 200);
});

test("unknown, repeated, missing and malformed query parameters (bad cursors included) → 400", async () => {
  for (const r of queryRoutes(fixture)) await runs(malformedQuery(r), 200);
}, MANY_CASES_TIMEOUT);

test("writes without credentials, with broken ones or by the wrong role → 401 / 403", async () => {
  await runs(badCredentials(fixture), 300);
}, MANY_CASES_TIMEOUT);

test("methods a route does not serve → 405 with Allow", async () => {
  await runs(wrongMethod, 300);
});

test("attach with an invalid Idempotency-Key → 400", async () => {
  await runs(badIdempotencyKey, 150);
});

test("the requests the mutations start from pass validation, so each refusal above is the mutation's doing", async () => {
  for (const r of bodyRoutes(fixture)) {
    const res = await app.call(r.method, r.url, { token: app.tokens[r.role], body: r.valid });
    expect([400, 413, 415], `${r.method} ${r.url} ${JSON.stringify(res.body)}`).not.toContain(res.status);
  }
  for (const r of queryRoutes(fixture)) {
    const res = await app.call("GET", `${r.url}?${new URLSearchParams(r.valid)}`, { token: app.tokens[r.role] });
    expect(res.status, `${r.url} ${JSON.stringify(res.body)}`).toBe(200);
  }
  // They write (the attach at least), and the check the refusals pass notices it.
  await expect(expectUnchanged("valid requests")).rejects.toThrow(/valid requests/);
  // The refusals compare against the state after them.
  expectUnchanged = await watchDatabase();
});
