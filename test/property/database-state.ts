import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/lib/boot";
import { preparedRows, rows } from "@/lib/db/client";

/**
 * Takes the database's fingerprint now: row count and content checksum of every table in the public
 * schema (patches, results, audit events, tokens…). The returned check fails, with `message`, once
 * the fingerprint differs: equal fingerprints mean no request changed anything.
 */
export async function watchDatabase(): Promise<(message?: string) => Promise<void>> {
  const db = await getDb();
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const columns = tables.map(
    ({ name }) =>
      sql`(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${sql.identifier(name)} t) AS ${sql.identifier(name)}`,
  );
  // One statement, prepared: checked after every one of thousands of requests, its planning would cost as much as running it.
  const query = sql`SELECT ${sql.join(columns, sql`, `)}`;
  const fingerprint = async () => (await preparedRows<Record<string, string>>(db, query))[0];
  const baseline = await fingerprint();
  return async (message) => expect(await fingerprint(), message).toEqual(baseline);
}
