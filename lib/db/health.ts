import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { rows } from "./client";

const journal = path.join(process.cwd(), "drizzle", "meta", "_journal.json");

/** Database reachable and every committed migration applied. */
export async function checkHealth(db: Db) {
  const expected = (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: unknown[] }).entries.length;
  const [row] = await rows<{ applied: number }>(db, sql`SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations`);
  const applied = row?.applied ?? 0;
  return { ok: applied === expected, database: "reachable", migrations: { applied, expected } };
}
