import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { count, lte, max, min, sql } from "drizzle-orm";
import { dispatch, startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample } from "../helpers/scenario";
import { readServerSentEvents, type ReceivedEvent } from "@/lib/events/sse-reader";
import { EVENTS_KEPT, PRUNE_EVERY, recordEvent } from "@/lib/events/record";
import { EventHub, eventHub, type LineageEvent } from "@/lib/events/hub";
import { MAX_STREAMS_PER_CALLER } from "@/lib/events/stream";
import { events } from "@/lib/db/schema";
import { openDatabase } from "@/lib/db/client";
import { loadConfig } from "@/lib/config";

let app: TestApp;
/** Low enough to reach with two callers' streams here; the other tests stay below it. */
const INSTANCE_CAP = 15;

beforeAll(async () => {
  process.env.LINEAGE_EVENTS_HEARTBEAT_MS = "200";
  process.env.LINEAGE_EVENTS_MAX_STREAMS = String(INSTANCE_CAP);
  app = await startTestApp();
  await buildSpecExample(app);
});
afterAll(() => app.close());

type Stream = { status: number; error?: { code: string }; next: () => Promise<ReceivedEvent>; close: () => void; ended: () => Promise<boolean> };

/** Opens an event stream through the route, as a client would; `next` waits for the next event. */
async function openStream(query: string, opts: { token?: string; lastEventId?: string } = {}): Promise<Stream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { host: "localhost:3000", authorization: `Bearer ${opts.token ?? app.tokens.viewer}` };
  if (opts.lastEventId) headers["last-event-id"] = opts.lastEventId;
  const res = await dispatch(app.routes, new Request(`http://localhost:3000/api/events?${query}`, { headers, signal: abort.signal }));
  if (res.status !== 200) {
    const { error } = await res.json();
    return { status: res.status, error, next: () => Promise.reject(new Error("no stream")), close: () => {}, ended: async () => true };
  }
  const reader = readServerSentEvents(res.body!);
  return {
    status: res.status,
    next: async () => {
      const { value, done } = await reader.next();
      if (done) throw new Error("the stream ended");
      return value;
    },
    close: () => abort.abort(),
    ended: async () => (await reader.next()).done === true,
  };
}

/** Opens `count` streams on my-env, each past its first event; `token(i)` says whose the i-th is. */
async function openMany(count: number, token: (i: number) => string): Promise<Stream[]> {
  const streams = [];
  for (let i = 0; i < count; i++) {
    const s = await openStream("snapshot=my-env", { token: token(i) });
    expect(s.status).toBe(200);
    await s.next();
    streams.push(s);
  }
  return streams;
}

/** A place freed by a closed stream is free once the route has seen the abort: retried until then. */
async function opensAgain(token: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const s = await openStream("snapshot=my-env", { token });
    if (s.status === 200) return s.close();
    await new Promise((r) => setImmediate(r));
  }
  throw new Error("the freed place never became available");
}

const attach = (snapshot: string, script: string) => app.call("POST", `/api/snapshots/${snapshot}/patches`, { token: app.tokens.editor, body: { script } });

describe("GET /api/events", () => {
  test("a snapshot's stream opens with ready, then carries its patches, sandboxes and results in id order", async () => {
    const stream = await openStream("snapshot=my-env");
    expect(stream.status).toBe(200);
    const ready = await stream.next();
    expect(ready.event).toBe("ready");

    const attached = await attach("my-env", "echo one");
    await attach("snap_B", "echo elsewhere"); // another snapshot: not in this stream
    await app.call("POST", "/api/sandboxes/sbx_sb1/patch-results", { token: app.tokens.runtime, body: { patchId: attached.body.patch.id, status: "applied" } });

    const first = await stream.next();
    expect(first.event).toBe("patch.attached");
    expect(JSON.parse(first.data)).toMatchObject({ snapshotId: "snap_A", patchId: attached.body.patch.id });
    const second = await stream.next();
    expect(second.event).toBe("patch.result");
    expect(JSON.parse(second.data)).toMatchObject({ sandboxId: "sbx_sb1", snapshotId: "snap_A", patchId: attached.body.patch.id });
    // The result carries the sandbox as it now is, so a view redraws it without asking.
    const { sandbox } = (await app.call("GET", "/api/sandboxes/sbx_sb1", { token: app.tokens.viewer })).body;
    const { id, name, status, lastPatchSequence, pendingPatches, failedAtSequence } = sandbox;
    expect(JSON.parse(second.data).sandbox).toEqual({ id, name, status, lastPatchSequence, pendingPatches, failedAtSequence });
    expect(lastPatchSequence).toBe(attached.body.patch.sequence);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    expect(Number(first.id)).toBeGreaterThan(Number(ready.id));
    stream.close();
  });

  test("a reconnection with Last-Event-ID gets what it missed, with no gap and no duplicate", async () => {
    const stream = await openStream("sandbox=sb-2");
    const ready = await stream.next();
    await app.call("PUT", "/api/sandboxes/sbx_sb2", { token: app.tokens.runtime, body: { status: "stopping" } });
    const seen = await stream.next();
    expect(seen.event).toBe("sandbox");
    expect(JSON.parse(seen.data).sandbox).toMatchObject({ id: "sbx_sb2", status: "stopping" });
    stream.close();

    // Missed while away: a status change, a patch on its base, and one on another snapshot.
    await app.call("PUT", "/api/sandboxes/sbx_sb2", { token: app.tokens.runtime, body: { status: "stopped" } });
    const missed = await attach("my-env", "echo while away");
    await attach("snap_B", "echo not mine");

    const again = await openStream("sandbox=sb-2", { lastEventId: seen.id! });
    const replayed = [await again.next(), await again.next()];
    expect(replayed.map((e) => e.event)).toEqual(["sandbox", "patch.attached"]);
    expect(JSON.parse(replayed[0]!.data).sandbox).toMatchObject({ id: "sbx_sb2", status: "stopped" });
    expect(JSON.parse(replayed[1]!.data).patchId).toBe(missed.body.patch.id);
    const ids = [ready.id, seen.id, ...replayed.map((e) => e.id)].map(Number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    // Live after the replay, still without repeating anything.
    await app.call("PUT", "/api/sandboxes/sbx_sb2", { token: app.tokens.runtime, body: { status: "running" } });
    const live = await again.next();
    expect(live.event).toBe("sandbox");
    expect(Number(live.id)).toBeGreaterThan(Number(replayed[1]!.id));
    again.close();
  });

  test("the table keeps a bounded window: the write that crosses it prunes the rest; a Last-Event-ID in the pruned part or unreadable gets reset, one above it resumes", async () => {
    const { getDatabase } = await import("@/lib/boot");
    const database = await getDatabase();
    await attach("my-env", "echo before the prune");
    const [{ last }] = (await database.db.select({ last: max(events.id) }).from(events)) as [{ last: number }];
    // Ids jump (as after a burst of changes elsewhere in the lineage) so that the next write is a pruning one.
    const pruning = Math.ceil((last + EVENTS_KEPT + 1) / PRUNE_EVERY) * PRUNE_EVERY;
    await database.db.execute(sql`SELECT setval('events_id_seq', ${pruning - 1})`);
    await attach("my-env", "echo the pruning write");
    const [kept] = await database.db.select({ oldest: min(events.id), rows: count() }).from(events);
    expect(kept!.oldest).toBeGreaterThan(pruning - EVENTS_KEPT);
    expect(kept!.rows).toBe(1);
    expect(await database.db.select({ n: count() }).from(events).where(lte(events.id, last))).toEqual([{ n: 0 }]);
    // On PostgreSQL the notification comes asynchronously: let this instance see the jump first.
    await (await eventHub(database)).catchUp();

    for (const lastEventId of [String(last), "garbage"]) {
      const stream = await openStream("snapshot=my-env", { lastEventId });
      const reset = await stream.next();
      expect(reset.event).toBe("reset");
      expect(Number(reset.id)).toBeGreaterThanOrEqual(pruning);
      await attach("my-env", `echo after reset ${lastEventId}`);
      expect((await stream.next()).event).toBe("patch.attached");
      stream.close();
    }
    // The pruning write's own id is inside what is kept: the two attaches since are replayed.
    const resumed = await openStream("snapshot=my-env", { lastEventId: String(pruning) });
    const replayed = [await resumed.next(), await resumed.next()];
    expect(replayed.map((e) => e.event)).toEqual(["patch.attached", "patch.attached"]);
    expect(Number(replayed[0]!.id)).toBe(pruning + 1);
    resumed.close();
  });

  test("a Last-Event-ID this instance has not seen yet (written through another) is caught up, not reset", async () => {
    const { getDatabase } = await import("@/lib/boot");
    const database = await getDatabase();
    // A row this instance was not told about, as when another instance's notification is still on its way.
    const [row] = await database.db.insert(events).values({ kind: "patch.removed", snapshotId: "snap_A", patchId: "pat_elsewhere" }).returning({ id: events.id });
    const stream = await openStream("snapshot=my-env", { lastEventId: String(row!.id) });
    const attached = await attach("my-env", "echo after the unseen one");
    const next = await stream.next();
    expect(next.event).toBe("patch.attached");
    expect(JSON.parse(next.data).patchId).toBe(attached.body.patch.id);
    stream.close();
  });

  test("a write that rolls back announces nothing", async () => {
    const { getDatabase } = await import("@/lib/boot");
    const database = await getDatabase();
    const hub = await EventHub.start(database);
    const seen: LineageEvent[] = [];
    hub.subscribe((e) => seen.push(e));
    await expect(
      database.db.transaction(async (tx) => {
        await recordEvent(tx, { kind: "snapshot", snapshotId: "snap_rolled_back" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    // A conflicting report is refused and leaves no event either.
    const refused = await app.call("PUT", "/api/sandboxes/sbx_sb1", { token: app.tokens.runtime, body: { status: "running", basedOnSnapshotId: "snap_B" } });
    expect(refused.status).toBe(409);
    await attach("snap_B", "echo committed");
    await hub.catchUp();
    await hub.stop();
    expect(seen.map((e) => e.kind)).toEqual(["patch.attached"]);
    expect(seen[0]!.snapshotId).toBe("snap_B");
  });

  test("exactly one of snapshot or sandbox, and it must exist", async () => {
    for (const query of ["", "snapshot=my-env&sandbox=sb-1"]) {
      const res = await app.call("GET", `/api/events?${query}`, { token: app.tokens.viewer });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_query");
    }
    expect((await app.call("GET", "/api/events?snapshot=nope", { token: app.tokens.viewer })).body.error.code).toBe("snapshot_not_found");
    expect((await app.call("GET", "/api/events?sandbox=nope", { token: app.tokens.viewer })).body.error.code).toBe("sandbox_not_found");
  });

  test(`a caller with ${MAX_STREAMS_PER_CALLER} open streams gets 429 for one more; closing one frees a place`, async () => {
    const streams = await openMany(MAX_STREAMS_PER_CALLER, () => app.tokens.editor);
    const refused = await openStream("snapshot=my-env", { token: app.tokens.editor });
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe("too_many_streams");
    // Another caller is not affected.
    const other = await openStream("snapshot=my-env", { token: app.tokens.viewer });
    expect(other.status).toBe(200);
    other.close();
    streams.pop()!.close();
    await opensAgain(app.tokens.editor);
    for (const s of streams) s.close();
  });

  test(`beyond ${INSTANCE_CAP} open streams on one instance (LINEAGE_EVENTS_MAX_STREAMS) anyone gets 503 with Retry-After`, async () => {
    const streams = await openMany(INSTANCE_CAP, (i) => (i < MAX_STREAMS_PER_CALLER ? app.tokens.editor : app.tokens.viewer));
    const refused = await openStream("snapshot=my-env", { token: app.tokens.runtime });
    expect(refused.status).toBe(503);
    expect(refused.error?.code).toBe("streams_full");
    streams.pop()!.close();
    await opensAgain(app.tokens.runtime);
    for (const s of streams) s.close();
  });

  test("revoking the token closes its open stream", async () => {
    const created = await app.call("POST", "/api/tokens", { body: { role: "viewer", name: "short-lived" } });
    const stream = await openStream("snapshot=my-env", { token: created.body.token });
    expect((await stream.next()).event).toBe("ready");
    expect((await app.call("DELETE", `/api/tokens/${created.body.id}`)).status).toBeLessThan(300);
    expect(await stream.ended()).toBe(true);
  });
});

describe.runIf(process.env.TEST_DB === "postgres")("two app instances on one PostgreSQL", () => {
  test("an event written through one reaches the other's subscribers, in order", async () => {
    const other = await openDatabase({ ...loadConfig({}), databaseUrl: app.databaseUrl, demo: false });
    const hub = await EventHub.start(other);
    try {
      const seen: LineageEvent[] = [];
      hub.subscribe((e) => seen.push(e));
      const a = await attach("my-env", "echo from instance one");
      const b = await attach("my-env", "echo again");
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(2);
      expect(seen.map((e) => e.patchId)).toEqual([a.body.patch.id, b.body.patch.id]);
    } finally {
      await hub.stop();
      await other.close();
    }
  });
});
