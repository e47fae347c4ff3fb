import { min } from "drizzle-orm";
import type { Database, Executor } from "../db/client";
import { events } from "../db/schema";
import { ApiError } from "../http/errors";
import { eventHub, readEvents, type EventHub, type LineageEvent } from "./hub";
import { inScope, type EventScope } from "./scope";

/** Open streams per caller on one instance. */
export const MAX_STREAMS_PER_CALLER = 10;

export type StreamOptions = {
  database: Database;
  scope: EventScope;
  /** The `Last-Event-ID` header, when the client reconnects. */
  lastEventId: string | null;
  callerId: string;
  heartbeatMs: number;
  /** Open streams this instance holds at most, whoever the callers. */
  maxStreams: number;
  /** Re-checked at every heartbeat: a revoked token or ended session closes the stream. */
  stillAllowed: () => Promise<boolean>;
  signal: AbortSignal;
};

const encoder = new TextEncoder();

const frame = (id: number, event: string, data: unknown) => encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

const eventData = (e: LineageEvent) => ({
  id: e.id,
  ...(e.snapshotId !== null && { snapshotId: e.snapshotId }),
  ...(e.parentSnapshotId !== null && { parentSnapshotId: e.parentSnapshotId }),
  ...(e.sandboxId !== null && { sandboxId: e.sandboxId }),
  ...(e.patchId !== null && { patchId: e.patchId }),
  ...(e.sandbox !== null && { sandbox: e.sandbox }),
});

/**
 * The id a reconnection resumes after, or null when it cannot (unreadable, unknown here). An id
 * above what this instance has dispatched may come from another instance that is a moment ahead:
 * the hub catches up first.
 */
async function resumePoint(lastEventId: string | null, hub: EventHub): Promise<number | null> {
  if (lastEventId === null || !/^\d{1,15}$/.test(lastEventId)) return null;
  const last = Number(lastEventId);
  if (last > hub.cursor) await hub.catchUp();
  return last <= hub.cursor ? last : null;
}

/**
 * Whether every event after `last` is still stored. Pruning deletes a prefix of the table
 * (lib/events/record.ts), so it is enough that nothing at or above last + 1 is gone: the oldest
 * row kept is at most last + 1 (an id lost to a rolled-back write just below it makes this say no:
 * a needless reset, never a gap).
 */
async function nothingPrunedAfter(db: Executor, last: number): Promise<boolean> {
  const [row] = await db.select({ oldest: min(events.id) }).from(events);
  return row?.oldest == null || row.oldest <= last + 1;
}

function takeStreamPlace(hub: EventHub, opts: StreamOptions) {
  if (hub.streamCount >= opts.maxStreams) {
    throw new ApiError("streams_full", `This server already holds ${hub.streamCount} live streams, its limit; retry in a few seconds.`, { "retry-after": "5" });
  }
  const open = hub.openStreams.get(opts.callerId) ?? 0;
  if (open >= MAX_STREAMS_PER_CALLER) {
    throw new ApiError("too_many_streams", `You already have ${open} open event streams here; close one first.`, { "retry-after": "5" });
  }
  hub.openStreams.set(opts.callerId, open + 1);
  hub.streamCount++;
}

function releaseStreamPlace(hub: EventHub, callerId: string) {
  const left = (hub.openStreams.get(callerId) ?? 1) - 1;
  if (left > 0) hub.openStreams.set(callerId, left);
  else hub.openStreams.delete(callerId);
  hub.streamCount--;
}

/**
 * The Server-Sent Events answer for one scope. Opens with `ready` (or `reset`, when a reconnection
 * asked for events already pruned: the client refetches what it shows), replays what a
 * reconnection missed, then sends live events in id order with no duplicate: anything the hub
 * dispatches while the replay is read waits and is sent only if newer than the replay's last.
 */
export async function openEventStream(opts: StreamOptions): Promise<Response> {
  const hub = await eventHub(opts.database);
  takeStreamPlace(hub, opts);

  let sentUpTo = 0;
  let waiting: LineageEvent[] | null = [];
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      let closed = false;
      const send = (e: LineageEvent) => {
        if (e.id <= sentUpTo || !inScope(opts.scope, e)) return;
        sentUpTo = e.id;
        controller.enqueue(frame(e.id, e.kind, eventData(e)));
      };
      const unsubscribe = hub.subscribe((e) => (waiting ? waiting.push(e) : send(e)));
      const heartbeat = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(": heartbeat\n\n"));
        void opts.stillAllowed().then((allowed) => allowed || close());
      }, opts.heartbeatMs);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        releaseStreamPlace(hub, opts.callerId);
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      opts.signal.addEventListener("abort", close);

      try {
        const from = await resumePoint(opts.lastEventId, hub);
        const upTo = hub.cursor;
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        // Read first, then check: rows pruned while the replay was read make it a reset, never a gap.
        const missed = from === null ? [] : await readEvents(opts.database.db, from, upTo - from);
        if (opts.lastEventId !== null && (from === null || !(await nothingPrunedAfter(opts.database.db, from)))) {
          controller.enqueue(frame(upTo, "reset", { id: upTo, reason: "Too much changed since your last event; reload what you show." }));
        } else {
          for (const e of missed) send(e);
        }
        sentUpTo = Math.max(sentUpTo, upTo);
        if (opts.lastEventId === null) controller.enqueue(frame(upTo, "ready", { id: upTo }));
        const held = waiting ?? [];
        waiting = null;
        for (const e of held) send(e);
      } catch {
        // The database went away while the replay was read: the client reconnects (`retry:`) and resumes.
        close();
      }
    },
    cancel: () => cleanup(),
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
