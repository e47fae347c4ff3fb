import type { Database } from "../db/client";
import { ApiError } from "../http/errors";
import { eventHub, readEvents, type EventHub, type LineageEvent } from "./hub";
import { inScope, type EventScope } from "./scope";

/** How far back a reconnection may resume (in event ids, over the whole lineage); older → `reset`. */
export const RESUME_WINDOW = 1_000;
/** Open streams per caller on one instance. */
export const MAX_STREAMS_PER_CALLER = 10;

export type StreamOptions = {
  database: Database;
  scope: EventScope;
  /** The `Last-Event-ID` header, when the client reconnects. */
  lastEventId: string | null;
  callerId: string;
  heartbeatMs: number;
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
});

/** Where a reconnection resumes: the id it last saw, or null when that is unknown or too old to replay. */
function resumeFrom(lastEventId: string | null, hub: EventHub): number | null {
  if (lastEventId === null || !/^\d{1,15}$/.test(lastEventId)) return null;
  const last = Number(lastEventId);
  return last <= hub.cursor && hub.cursor - last <= RESUME_WINDOW ? last : null;
}

/**
 * The Server-Sent Events answer for one scope. Opens with `ready` (or `reset`, when a reconnection
 * asked for more than the window holds: the client refetches what it shows), replays what a
 * reconnection missed, then sends live events in id order with no duplicate: anything the hub
 * dispatches while the replay is read waits and is sent only if newer than the replay's last.
 */
export async function openEventStream(opts: StreamOptions): Promise<Response> {
  const hub = await eventHub(opts.database);
  const open = hub.openStreams.get(opts.callerId) ?? 0;
  if (open >= MAX_STREAMS_PER_CALLER) {
    throw new ApiError("too_many_streams", `You already have ${open} open event streams here; close one first.`, { "retry-after": "5" });
  }
  hub.openStreams.set(opts.callerId, open + 1);

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
        const left = (hub.openStreams.get(opts.callerId) ?? 1) - 1;
        if (left > 0) hub.openStreams.set(opts.callerId, left);
        else hub.openStreams.delete(opts.callerId);
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      opts.signal.addEventListener("abort", close);

      const upTo = hub.cursor;
      const from = resumeFrom(opts.lastEventId, hub);
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      if (from === null && opts.lastEventId !== null) {
        controller.enqueue(frame(upTo, "reset", { id: upTo, reason: "Too much changed since your last event; reload what you show." }));
      } else if (from !== null) {
        for (const e of await readEvents(opts.database.db, from, upTo - from)) send(e);
      }
      sentUpTo = Math.max(sentUpTo, upTo);
      if (opts.lastEventId === null) controller.enqueue(frame(upTo, "ready", { id: upTo }));
      const held = waiting ?? [];
      waiting = null;
      for (const e of held) send(e);
    },
    cancel: () => cleanup(),
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
