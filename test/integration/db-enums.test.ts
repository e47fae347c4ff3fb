import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getDb } from "@/lib/boot";
import { applicationStatuses, roles, sandboxStatuses, snapshotStatuses } from "@/lib/contract/enums";
import { rows } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

// The schema's enums import the contract's lists; this checks the migrated database agrees too.
test("the migrated database's enums hold exactly the contract's values, in its order", async () => {
  const db = await getDb();
  const values = async (type: string) =>
    (await rows<{ value: string }>(db, sql`SELECT e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = ${type} ORDER BY e.enumsortorder`)).map(
      (r) => r.value,
    );
  expect(await values("snapshot_status")).toEqual([...snapshotStatuses]);
  expect(await values("sandbox_status")).toEqual([...sandboxStatuses]);
  expect(await values("patch_application_status")).toEqual([...applicationStatuses]);
  expect(await values("role")).toEqual([...roles]);
});
