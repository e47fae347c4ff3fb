import { lte, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { events } from "../db/schema";
import type { SandboxSummary } from "../sandbox-summary";

export const eventKinds = ["snapshot", "sandbox", "patch.attached", "patch.removed", "patch.result"] as const;
export type EventKind = (typeof eventKinds)[number];

/** The channel every instance listens on; the payload is the new event's id, nothing more. */
export const EVENTS_CHANNEL = "lineage_events";
// Any constant works; it only has to differ from the migration lock (lib/db/client.ts).
const EVENT_ORDER_LOCK = 7297111;

/**
 * The events a reconnection can resume from: the newest EVENTS_KEPT ids over the whole lineage
 * (ten seconds of a fleet reporting a thousand changes a second). Beyond them it gets `reset`.
 */
export const EVENTS_KEPT = 10_000;
/** Every PRUNE_EVERY-th id, its writer deletes what fell out of the kept window: one row per write, amortised. */
export const PRUNE_EVERY = 1_000;

export type EventFields = {
  kind: EventKind;
  snapshotId?: string | null;
  parentSnapshotId?: string | null;
  sandboxId?: string | null;
  patchId?: string | null;
  /** For a sandbox's own changes: what it shows after this one. */
  sandbox?: SandboxSummary | null;
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
 *
 * The table stays bounded without a timer: the writer of every PRUNE_EVERY-th id deletes the rows
 * below the kept window, a prefix of the table (streams rely on that, lib/events/stream.ts). A
 * pruning write that rolls back leaves the rows to the next one.
 */
export async function recordEvent(tx: Executor, fields: EventFields): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
  const [row] = await tx.insert(events).values(fields).returning({ id: events.id });
  const id = row!.id;
  if (id % PRUNE_EVERY === 0) await tx.delete(events).where(lte(events.id, id - EVENTS_KEPT));
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(id)})`);
}
