import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { iso } from "./views";

export const MAX_RESULTS = 20;

type Hit = { kind: "snapshot" | "sandbox"; id: string; name: string | null; status: string; created_at: Date | string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Sandboxes and snapshots whose id or name contains `q`: exact matches first, then prefixes, then
 * the rest; newest first within each. One query per rank, newest first with a LIMIT, stopping once
 * the page is full: a term that matches nearly every row (say "snap") reads a page of the newest
 * rows through the created_at index, instead of sorting a million matches and then looking for
 * substring matches that rank below them.
 */
export async function search(db: Executor, q: string) {
  const needle = q.toLowerCase();
  const pattern = escapeLike(needle);
  // Names are lowercase; ids compare case-insensitively.
  const exact = sql`(lower(t.id) = ${needle} OR t.name = ${needle})`;
  const prefix = sql`(t.id ILIKE ${`${pattern}%`} OR t.name LIKE ${`${pattern}%`})`;
  const contains = sql`(t.id ILIKE ${`%${pattern}%`} OR t.name ILIKE ${`%${pattern}%`})`;
  // IS NOT TRUE, not NOT: a null name must not turn "not a prefix match" into null.
  const ranks: SQL[] = [exact, sql`${prefix} AND ${exact} IS NOT TRUE`, sql`${contains} AND ${prefix} IS NOT TRUE`];
  // Exact matches are a handful found through the unique name and lower(id) indexes: no inner
  // ORDER BY, which could tempt the planner into walking the created_at index instead.
  const matching = (table: "snapshots" | "sandboxes", kind: Hit["kind"], where: SQL, limit: number | null) => sql`
    (SELECT ${kind} AS kind, t.id, t.name, t.status::text AS status, t.created_at
     FROM ${sql.identifier(table)} t WHERE ${where}
     ${limit === null ? sql`` : sql`ORDER BY t.created_at DESC, t.id LIMIT ${limit}`})`;
  const hits: Hit[] = [];
  for (const [rank, where] of ranks.entries()) {
    const limit = MAX_RESULTS - hits.length;
    const inner = rank === 0 ? null : limit;
    hits.push(
      ...(await rows<Hit>(
        db,
        sql`SELECT * FROM (${matching("sandboxes", "sandbox", where, inner)} UNION ALL ${matching("snapshots", "snapshot", where, inner)}) h
            ORDER BY h.created_at DESC, h.id LIMIT ${limit}`,
      )),
    );
    if (hits.length === MAX_RESULTS) break;
  }
  return { results: hits.map((h) => ({ kind: h.kind, id: h.id, name: h.name, status: h.status, createdAt: iso(h.created_at) })) };
}
