import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { iso } from "./views";

export const MAX_RESULTS = 20;

type Hit = { kind: "snapshot" | "sandbox"; id: string; name: string | null; status: string; created_at: Date | string; rank: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Sandboxes and snapshots whose id or name contains `q`: exact matches first, then prefixes, then the rest; newest first within each. */
export async function search(db: Executor, q: string) {
  const needle = q.toLowerCase();
  const contains = `%${escapeLike(needle)}%`;
  const prefix = `${escapeLike(needle)}%`;
  const ranked = (table: "snapshots" | "sandboxes", kind: Hit["kind"]) => sql`
    (SELECT ${kind} AS kind, t.id, t.name, t.status::text AS status, t.created_at,
       CASE WHEN lower(t.id) = ${needle} OR t.name = ${needle} THEN 0
            WHEN lower(t.id) LIKE ${prefix} OR t.name LIKE ${prefix} THEN 1 ELSE 2 END AS rank
     FROM ${sql.identifier(table)} t
     WHERE t.id ILIKE ${contains} OR t.name ILIKE ${contains}
     ORDER BY rank, t.created_at DESC, t.id
     LIMIT ${MAX_RESULTS})`;
  const hits = await rows<Hit>(
    db,
    sql`SELECT * FROM (${ranked("sandboxes", "sandbox")} UNION ALL ${ranked("snapshots", "snapshot")}) h
        ORDER BY h.rank, h.created_at DESC, h.id LIMIT ${MAX_RESULTS}`,
  );
  return { results: hits.map((h) => ({ kind: h.kind, id: h.id, name: h.name, status: h.status, createdAt: iso(h.created_at) })) };
}
