import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { sandboxes, snapshots } from "../db/schema";
import { badRequest, conflict } from "../http/errors";

/**
 * Sandbox names that are path segments of routes under /api/sandboxes: `/api/sandboxes/checkpoints/…`
 * serves OpenComputer's checkpoint patches, so a sandbox called that could not be told apart.
 */
export const RESERVED_SANDBOX_NAMES: readonly string[] = ["checkpoints"];

/** Refuses a name another snapshot (or sandbox) already has: names are unique per kind. */
export async function assertNameFree(db: Executor, kind: "snapshot" | "sandbox", name: string, id: string) {
  if (kind === "sandbox" && RESERVED_SANDBOX_NAMES.includes(name)) {
    throw badRequest("name_reserved", `The sandbox name "${name}" is reserved: /api/sandboxes/${name}/… is another route.`);
  }
  const table = kind === "snapshot" ? snapshots : sandboxes;
  const [taken] = await rows<{ id: string }>(db, sql`SELECT id FROM ${table} WHERE name = ${name} AND id <> ${id} LIMIT 1`);
  if (taken) throw conflict("name_taken", `The ${kind} name "${name}" is already used by ${taken.id}.`);
}
