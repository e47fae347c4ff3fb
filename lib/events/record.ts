import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { events } from "../db/schema";

export const eventKinds = ["snapshot", "sandbox", "patch.attached", "patch.removed", "patch.result"] as const;
export type EventKind = (typeof eventKinds)[number];

/** The channel every instance listens on; the payload is the new event's id, nothing more. */
export const EVENTS_CHANNEL = "lineage_events";
// Any constant works; it only has to differ from the migration lock (lib/db/client.ts).
const EVENT_ORDER_LOCK = 7297111;

export type EventFields = {
  kind: EventKind;
  snapshotId?: string | null;
  parentSnapshotId?: string | null;
  sandboxId?: string | null;
  patchId?: string | null;
};

/**
 * Records one change for live views, inside the transaction that makes it: a write that rolls
 * back leaves no event and announces nothing. Call it last in the transaction.
 *
 * Ids must appear in commit order, or a reader that has seen id 8 could miss id 7 committing
 * later (an identity hands out ids at insert, not at commit). A transaction-level advisory lock
 * taken just before the insert and held until commit orders the writers' tails: whoever takes it
 * next gets a higher id and commits after. It costs what NOTIFY already costs (NOTIFY serialises
 * commits on a global queue lock, /work/shared/MEASURED.md) for the short insert-to-commit span,
 * and keeps readers simple: "everything above the last id I saw" never has a hole that fills later.
 *
 * One NOTIFY per transaction, with the id as payload; listeners read the rows themselves, so a
 * lost or coalesced notification loses nothing.
 */
export async function recordEvent(tx: Executor, fields: EventFields): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
  const [row] = await tx.insert(events).values(fields).returning({ id: events.id });
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(row!.id)})`);
}
