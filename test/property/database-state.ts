import { sql } from "drizzle-orm";
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
