import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { getDb } from "@/lib/boot";
import { preparedRows, rows } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demo: true });
});
afterAll(() => app.close());

// On PGlite, preparedRows PREPAREs with SQL and passes the parameters as literals: every value
// must come back exactly as a bound parameter does, whatever it holds, and a lookup must match
// exactly what it would unprepared.
test("a prepared statement answers exactly what the same statement answers unprepared, for any parameter", async () => {
  const db = await getDb();
  const echo = (text: string, n: number, at: Date) =>
    sql`SELECT ${text}::text AS text, ${n}::int AS n, ${at}::timestamptz AS at, (SELECT count(*)::int FROM snapshots WHERE name = ${text}) AS named`;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string(), fc.constantFrom("my-env", "it's", "$v$", "a$v", "\\\\'; DROP TABLE snapshots; --", "x\u0000y")),
      fc.integer({ min: -1000, max: 1000 }),
      fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
      async (text, n, at) => {
        const plain = await rows(db, echo(text, n, at)).catch((e: Error) => e.message);
        const prepared = await preparedRows(db, echo(text, n, at)).catch((e: Error) => e.message);
        expect(prepared).toEqual(plain);
      },
    ),
    { numRuns: 150 },
  );
});

test("the tree of a named snapshot is the same on every call (prepared once, executed after)", async () => {
  const first = await app.call("GET", "/api/snapshots/tree?snapshotId=my-env&limit=5", { token: app.tokens.viewer });
  expect(first.status).toBe(200);
  for (let i = 0; i < 3; i++) {
    expect((await app.call("GET", "/api/snapshots/tree?snapshotId=my-env&limit=5", { token: app.tokens.viewer })).body).toEqual(first.body);
  }
});

// Next.js bundles lib/db/client.ts more than once (route handlers, pages) over one database: a
// statement one copy prepared must not make another copy's first call fail.
test("another copy of the database module runs a statement this one prepared", async () => {
  const db = await getDb();
  const statement = sql`SELECT ${"my-env"}::text AS name, 1 AS copy`;
  await preparedRows(db, statement);
  vi.resetModules();
  const other = await import("@/lib/db/client");
  expect(other.preparedRows).not.toBe(preparedRows);
  expect(await other.preparedRows(db, statement)).toEqual([{ name: "my-env", copy: 1 }]);
});
