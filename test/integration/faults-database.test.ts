import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/boot";
import { IDLE_IN_TRANSACTION_TIMEOUT_MS, QUERY_TIMEOUT_MS } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample } from "../helpers/scenario";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

/**
 * PostgreSQL going away and coming back while the app is busy. The app's pool connects through a
 * proxy the test cuts, stalls and restores; the shared PostgreSQL server itself is never touched.
 */
const onPostgres = process.env.TEST_DB === "postgres";

// Generous bound for "fails fast": the pool gives up connecting after 2 s; a hang would be far longer.
const FAIL_FAST_MS = 10_000;
const RECOVERY_MS = 5_000;

type Outcome = { status: number; code?: string; retryAfter: string | null; startedAt: number; ms: number };

describe.skipIf(!onPostgres)("PostgreSQL outage under load", () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let direct: pg.Client;

  beforeAll(async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    app = await startTestApp({
      connectVia: (url) => {
        const viaProxy = new URL(url);
        viaProxy.host = `127.0.0.1:${proxy.port}`;
        return viaProxy.toString();
      },
    });
    await buildSpecExample(app);
    direct = new pg.Client({ connectionString: app.databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    await app?.close();
    await proxy?.close();
  });

  async function timed(send: () => ReturnType<TestApp["call"]>): Promise<Outcome> {
    const startedAt = performance.now();
    const res = await send();
    return {
      status: res.status,
      code: res.body?.error?.code,
      retryAfter: res.headers.get("retry-after"),
      startedAt,
      ms: performance.now() - startedAt,
    };
  }

  const attach = (key: string) =>
    app.call("POST", "/api/snapshots/my-env/patches", {
      token: app.tokens.editor,
      body: { script: `echo ${key}` },
      headers: { "idempotency-key": key },
    });

  /** Patches on my-env, checked for gaps, duplicates and a missing audit event (a half-written attach). */
  async function patchLedger() {
    const { rows: patches } = await direct.query<{ sequence: number; idempotency_key: string | null; audits: number }>(
      `SELECT p.sequence, p.idempotency_key,
              (SELECT count(*)::int FROM audit_events a WHERE a.target_id = p.id AND a.action = 'patch.attach') AS audits
         FROM patches p WHERE p.snapshot_id = 'snap_A' ORDER BY p.sequence`,
    );
    const { rows: [snapshot] } = await direct.query<{ last_sequence: number }>(`SELECT last_sequence FROM snapshots WHERE id = 'snap_A'`);
    expect(patches.map((p) => p.sequence)).toEqual(patches.map((_, i) => i + 1));
    expect(patches.filter((p) => p.audits !== 1)).toEqual([]);
    expect(snapshot!.last_sequence).toBe(patches.length);
    return patches;
  }

  test("requests fail fast with 503 + Retry-After, the pool recovers within 5 s, and no attach is half-written", async () => {
    const outcomes: Outcome[] = [];
    const keys: string[] = [];
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const key = `outage-${w}-${i}`;
        const requests = [
          () => (keys.push(key), attach(key)),
          () => app.call("GET", "/api/snapshots/tree?snapshotId=my-env&sortOrder=asc", { token: app.tokens.viewer }),
          () => app.call("GET", "/api/sandboxes/sb-1/patches", { token: app.tokens.viewer }),
          () => app.call("GET", "/api/health", { token: null }),
        ];
        outcomes.push(await timed(requests[i % requests.length]!));
        await sleep(5);
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));

    await sleep(1000);
    proxy.cut();
    const cutAt = performance.now();
    await sleep(3000);
    proxy.restore();
    const restoredAt = performance.now();
    await waitForHealthy();
    const recoveredAt = performance.now();
    await sleep(1000);
    running = false;
    await Promise.all(workers);

    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.info(
      `outage: ${outcomes.length} requests, ${outcomes.filter((o) => o.status === 503).length} answered 503, ` +
        `slowest ${Math.round(slowest)} ms, healthy ${Math.round(recoveredAt - restoredAt)} ms after the database returned`,
    );
    const summary = (list: Outcome[]) => JSON.stringify(list.slice(0, 5));
    const duringOutage = outcomes.filter((o) => o.startedAt >= cutAt && o.startedAt + o.ms <= restoredAt);
    expect(duringOutage.length, "requests answered while the database was away").toBeGreaterThan(50);
    expect(duringOutage.filter((o) => o.status !== 503), summary(duringOutage)).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.filter((o) => o.code !== "database_unavailable" || !o.retryAfter), summary(unavailable)).toEqual([]);
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503), "no 500s").toEqual([]);
    expect(slowest, "slowest request (ms)").toBeLessThan(FAIL_FAST_MS);
    expect(recoveredAt - restoredAt, "time from the database returning to a healthy answer (ms)").toBeLessThan(RECOVERY_MS);
    const afterRecovery = outcomes.filter((o) => o.startedAt >= recoveredAt);
    expect(afterRecovery.length).toBeGreaterThan(0);
    expect(afterRecovery.filter((o) => o.status >= 300), summary(afterRecovery)).toEqual([]);

    // Clients retry what failed with the same key: each key ends up with exactly one patch.
    for (const key of keys) expect((await attach(key)).status).toBe(201);
    const patches = await patchLedger();
    expect(patches.map((p) => p.idempotency_key).sort()).toEqual([...keys].sort());
  });

  test("health: 503 with Retry-After while the database is away, 200 once it is back", async () => {
    proxy.cut();
    const away = await timed(() => app.call("GET", "/api/health", { token: null }));
    proxy.restore();
    expect(away).toMatchObject({ status: 503, code: "database_unavailable", retryAfter: "2" });
    expect(away.ms).toBeLessThan(FAIL_FAST_MS);
    expect(await waitForHealthy(), "ms until healthy again").toBeLessThan(RECOVERY_MS);
  });

  test("an attach cut off mid-transaction is rolled back: no patch, no audit event, no sequence used", async () => {
    const before = await patchLedger();
    // Hold the snapshot's row lock on a direct connection, so the attach stops inside its transaction.
    await direct.query("BEGIN");
    await direct.query("SELECT 1 FROM snapshots WHERE id = 'snap_A' FOR UPDATE");
    const pending = timed(() => attach("cut-mid-transaction"));
    await waitForLockWaiter();
    proxy.cut();
    const outcome = await pending;
    await direct.query("ROLLBACK");
    proxy.restore();
    await waitForHealthy();

    expect(outcome.status).toBe(503);
    expect(outcome.ms).toBeLessThan(FAIL_FAST_MS);
    expect(await patchLedger()).toEqual(before);
    const next = await attach("after-the-cut");
    expect(next.status).toBe(201);
    expect(next.body.patch.sequence).toBe(before.length + 1);
  });

  test("transactions whose connection dies at BEGIN do not leak pool connections", async () => {
    const db = await getDb();
    const transaction = () => db.transaction((tx) => tx.execute(sql`SELECT 1`));
    await Promise.all(Array.from({ length: 10 }, transaction)); // ten idle connections in the pool
    proxy.cut();
    // Started in the same tick, before the app has noticed the resets: each takes an idle connection
    // that dies under its BEGIN.
    const doomed = await Promise.allSettled(Array.from({ length: 10 }, transaction));
    proxy.restore();
    expect(doomed.filter((r) => r.status === "fulfilled")).toEqual([]);
    // With leaked connections the pool would stay full: every transaction would time out waiting.
    const after = await Promise.allSettled(Array.from({ length: 10 }, transaction));
    expect(after.filter((r) => r.status === "rejected")).toEqual([]);
  });

  test("a silent partition: requests answer 503 within the query timeout, and the pool recovers", async () => {
    await Promise.all([1, 2, 3].map(() => app.call("GET", "/api/health", { token: null }))); // open connections to stall
    proxy.stall();
    const during = await Promise.all([
      timed(() => attach("during-the-partition")),
      timed(() => app.call("GET", "/api/snapshots/tree?snapshotId=my-env", { token: app.tokens.viewer })),
      timed(() => app.call("GET", "/api/health", { token: null })),
    ]);
    proxy.restore();
    for (const outcome of during) {
      expect(outcome).toMatchObject({ status: 503, code: "database_unavailable", retryAfter: "2" });
      expect(outcome.ms).toBeLessThan(QUERY_TIMEOUT_MS + 5000);
    }
    expect(await waitForHealthy(), "ms until healthy again").toBeLessThan(RECOVERY_MS);
    expect((await attach("during-the-partition")).status).toBe(201);
    await patchLedger();
  }, 40_000);

  test("a transaction its app abandoned is ended by the server, and its row lock freed", async () => {
    const db = await getDb();
    let lockHeld!: () => void;
    const holding = new Promise<void>((resolve) => (lockHeld = resolve));
    // An instance that took the snapshot's row lock and then went silent (no COMMIT, no disconnect).
    const abandoned = db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 FROM snapshots WHERE id = 'snap_A' FOR UPDATE`);
      lockHeld();
      await sleep(IDLE_IN_TRANSACTION_TIMEOUT_MS + 3000);
      await tx.execute(sql`SELECT 1`);
    });
    await holding;
    const started = performance.now();
    const next = await attach("behind-an-abandoned-transaction");
    expect(next.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(IDLE_IN_TRANSACTION_TIMEOUT_MS + 2000);
    await expect(abandoned).rejects.toThrow();
    await patchLedger();
  }, 40_000);

  /** Polls /api/health until it answers 200; returns how long that took (ms). */
  async function waitForHealthy() {
    const start = performance.now();
    while ((await app.call("GET", "/api/health", { token: null })).status !== 200 && performance.now() - start < 2 * RECOVERY_MS) {
      await sleep(100);
    }
    return performance.now() - start;
  }

  async function waitForLockWaiter() {
    for (let i = 0; i < 100; i++) {
      const { rows: [row] } = await direct.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (row!.waiting > 0) return;
      await sleep(50);
    }
    throw new Error("the attach never reached the row lock");
  }
});
