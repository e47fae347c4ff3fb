import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { SEARCH_RESULTS_MAX } from "../contract/limits";
import { iso } from "./views";

type Hit = { kind: "snapshot" | "sandbox"; id: string; name: string | null; status: string; created_at: Date | string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How many of a table's newest rows a broad term is first looked for in. */
const RECENT_WINDOW = 5000;

/**
 * Sandboxes and snapshots whose id or name contains `q`: exact matches first, then prefixes, then
 * the rest; newest first within each. One statement per rank, stopping once the page is full.
 * Within a rank, a table's newest matches come from its newest RECENT_WINDOW rows when a broad
 * term (say "snap") fills the page there: no sorting of a million matches. Otherwise all of its
 * matches are found through the trigram indexes and sorted: few, since the recent rows held few.
 * (Left to itself the planner walks the created_at index for rare terms too, when it guesses
 * them common, and reads the whole table.)
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
  const columns = (kind: Hit["kind"]) => sql`${kind} AS kind, t.id, t.name, t.status::text AS status, t.created_at`;
  // Exact matches are a handful, found through the unique name and lower(id) indexes.
  const exactMatches = (table: SQL, kind: Hit["kind"], where: SQL) => sql`(SELECT ${columns(kind)} FROM ${table} t WHERE ${where})`;
  const newestMatches = (table: SQL, kind: Hit["kind"], where: SQL, limit: number) => sql`(
    WITH recent AS (
      SELECT ${columns(kind)} FROM (SELECT id, name, status, created_at FROM ${table} ORDER BY created_at DESC, id LIMIT ${RECENT_WINDOW}) t
      WHERE ${where} ORDER BY t.created_at DESC, t.id LIMIT ${limit})
    SELECT * FROM recent WHERE (SELECT count(*) FROM recent) = ${limit}
    UNION ALL
    -- Sorting on an expression keeps the planner off the created_at index here.
    (SELECT ${columns(kind)} FROM ${table} t WHERE ${where} AND (SELECT count(*) FROM recent) < ${limit}
     ORDER BY t.created_at + interval '0 seconds' DESC, t.id LIMIT ${limit}))`;
  const hits: Hit[] = [];
  for (const [rank, where] of ranks.entries()) {
    const limit = SEARCH_RESULTS_MAX - hits.length;
    const matches = (table: SQL, kind: Hit["kind"]) => (rank === 0 ? exactMatches(table, kind, where) : newestMatches(table, kind, where, limit));
    hits.push(
      ...(await rows<Hit>(
        db,
        sql`SELECT * FROM (${matches(sql`sandboxes`, "sandbox")} UNION ALL ${matches(sql`snapshots`, "snapshot")}) h
            ORDER BY h.created_at DESC, h.id LIMIT ${limit}`,
      )),
    );
    if (hits.length === SEARCH_RESULTS_MAX) break;
  }
  return { results: hits.map((h) => ({ kind: h.kind, id: h.id, name: h.name, status: h.status, createdAt: iso(h.created_at) })) };
}
