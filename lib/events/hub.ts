import { asc, gt, max } from "drizzle-orm";
import type { Database, Executor } from "../db/client";
import { events } from "../db/schema";
import type { SandboxSummary } from "../sandbox-summary";
import { EVENTS_CHANNEL, type EventKind } from "./record";

export type LineageEvent = {
  id: number;
  kind: EventKind;
  snapshotId: string | null;
  parentSnapshotId: string | null;
  sandboxId: string | null;
  patchId: string | null;
  sandbox: SandboxSummary | null;
};

const READ_BATCH = 500;

const eventColumns = {
  id: events.id,
  kind: events.kind,
  snapshotId: events.snapshotId,
  parentSnapshotId: events.parentSnapshotId,
  sandboxId: events.sandboxId,
  patchId: events.patchId,
  sandbox: events.sandbox,
};

/** Events with ids in (after, upTo], oldest first, at most `limit`. */
export async function readEvents(db: Executor, after: number, limit: number): Promise<LineageEvent[]> {
  const list = await db.select(eventColumns).from(events).where(gt(events.id, after)).orderBy(asc(events.id)).limit(limit);
  return list as LineageEvent[];
}

/**
 * One per app instance: a single LISTEN (lib/db/listen.ts) for all its streams. A notification only
 * says "something new"; the hub then reads the rows above the last id it dispatched, so a lost,
 * coalesced or reordered notification loses nothing (ids come in commit order, lib/events/record.ts).
 */
export class EventHub {
  private subscribers = new Set<(e: LineageEvent) => void>();
  private reading: Promise<void> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;
  /** Open streams per caller, for the per-caller cap. */
  readonly openStreams = new Map<string, number>();
  /** Open streams in all, for the instance's cap. */
  streamCount = 0;

  private constructor(
    private readonly database: Database,
    /** The highest id dispatched to subscribers. */
    public cursor: number,
  ) {}

  static async start(database: Database): Promise<EventHub> {
    const [row] = await database.db.select({ last: max(events.id) }).from(events);
    const hub = new EventHub(database, Number(row?.last ?? 0));
    hub.unlisten = await database.listen(EVENTS_CHANNEL, () => void hub.catchUp());
    return hub;
  }

  subscribe(fn: (e: LineageEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Reads and dispatches everything new; calls arriving meanwhile make it read once more. */
  catchUp(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        for (;;) {
          let batch: LineageEvent[];
          try {
            batch = await readEvents(this.database.db, this.cursor, READ_BATCH);
          } catch {
            // The database is unreachable: the next notification, or the listener's reconnection, retries.
            return;
          }
          for (const e of batch) {
            this.cursor = e.id;
            for (const fn of this.subscribers) fn(e);
          }
          if (batch.length < READ_BATCH) break;
        }
      } while (this.again);
    })().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.subscribers.clear();
  }
}

const hubs = new WeakMap<Database, Promise<EventHub>>();

/** The instance's hub for this database, started on first use. */
export function eventHub(database: Database): Promise<EventHub> {
  let hub = hubs.get(database);
  if (!hub) {
    hub = EventHub.start(database);
    hubs.set(database, hub);
    hub.catch(() => hubs.delete(database));
  }
  return hub;
}

/** Stops the hub of a database that is being closed (its LISTEN connection would otherwise retry forever). */
export async function stopEventHub(database: Database): Promise<void> {
  const hub = hubs.get(database);
  hubs.delete(database);
  await (await hub?.catch(() => undefined))?.stop();
}
