import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/lib/boot";
import { rows } from "@/lib/db/client";

/**
 * Row count and content checksum of every table in the public schema, in one query: two equal
 * fingerprints mean no request changed anything (patches, results, audit events, tokens…).
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const columns = tables.map(
    ({ name }) =>
      sql`(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${sql.identifier(name)} t) AS ${sql.identifier(name)}`,
  );
  const [fingerprint] = await rows<Record<string, string>>(db, sql`SELECT ${sql.join(columns, sql`, `)}`);
  return fingerprint!;
}

/** The first transaction id the server has not handed out yet. */
async function nextTransactionId(): Promise<string> {
  const [row] = await rows<{ id: string }>(await getDb(), sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS id`);
  return row!.id;
}

/**
 * Takes the database's fingerprint now; the returned check fails (with `message`) once it differs.
 * Every write takes a transaction id, so while no new one was handed out nothing can have changed
 * and the check skips the fingerprint, which costs ten times more. (On a shared PostgreSQL server
 * other databases take ids too; then the fingerprint decides.)
 */
export async function watchDatabase(): Promise<(message?: string) => Promise<void>> {
  // The id is read before the fingerprint: a write in between moves it, and the next check compares.
  let checkedAt = await nextTransactionId();
  const baseline = await databaseFingerprint();
  return async (message) => {
    const id = await nextTransactionId();
    if (id === checkedAt) return;
    expect(await databaseFingerprint(), message).toEqual(baseline);
    checkedAt = id;
  };
}
