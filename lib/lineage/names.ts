import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { sandboxes, snapshots } from "../db/schema";
import { conflict } from "../http/errors";

/** Refuses a name another snapshot (or sandbox) already has: names are unique per kind. */
export async function assertNameFree(db: Executor, kind: "snapshot" | "sandbox", name: string, id: string) {
  const table = kind === "snapshot" ? snapshots : sandboxes;
  const [taken] = await rows<{ id: string }>(db, sql`SELECT id FROM ${table} WHERE name = ${name} AND id <> ${id} LIMIT 1`);
  if (taken) throw conflict("name_taken", `The ${kind} name "${name}" is already used by ${taken.id}.`);
}
