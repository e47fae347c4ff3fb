import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample, ingest } from "../helpers/scenario";

/**
 * Attach, remove and patch-result storms on one snapshot and the sandboxes based on it, on
 * PostgreSQL (real parallel transactions; PGlite runs one statement at a time, so it is skipped).
 */
const onPostgres = process.env.TEST_DB === "postgres";
const SANDBOXES = ["sbx_sb1", "sbx_sb2", "sbx_st3", "sbx_st4", "sbx_st5"];

type Res = Awaited<ReturnType<TestApp["call"]>>;

describe.skipIf(!onPostgres)("concurrency storms on PostgreSQL", () => {
  let app: TestApp;
  let direct: pg.Client;
  const all: Res[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    await buildSpecExample(app);
    for (const id of SANDBOXES.slice(2)) await ingest(app, `/api/sandboxes/${id}`, { status: "running", basedOnSnapshotId: "snap_A" });
    direct = new pg.Client({ connectionString: app.databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    await app?.close();
  });

  const call = async (...args: Parameters<TestApp["call"]>) => {
    const res = await app.call(...args);
    all.push(res);
    return res;
  };
  const attach = (script: string, key?: string) =>
    call("POST", "/api/snapshots/my-env/patches", {
      token: app.tokens.editor,
      body: { script },
      ...(key && { headers: { "idempotency-key": key } }),
    });

  test("parallel attaches, keyed retries, removes and patch results keep every invariant", async () => {
    let attaching = true;
    const attaches = (async () => {
      const plain = Array.from({ length: 40 }, (_, i) => attach(`echo plain ${i}`));
      // Ten keys, each sent five times at once: a client retrying on timeouts.
      const keyed = Array.from({ length: 10 }, (_, k) => Array.from({ length: 5 }, () => attach(`echo keyed ${k}`, `storm-key-${k}`)));
      const keyedResults = await Promise.all(keyed.map((retries) => Promise.all(retries)));
      await Promise.all(plain);
      return keyedResults;
    })().finally(() => (attaching = false));

    // Removers: each patch they pick is removed by three racers at once.
    const removals: Res[][] = [];
    const removers = (async () => {
      // Sequences 3, 10, 17 … 45: seven victims, removed while attaches and results are still flowing.
      while (removals.length < 7) {
        const { body } = await call("GET", "/api/snapshots/my-env/patches", { token: app.tokens.viewer });
        const victim = body.patches.find((p: { sequence: number }) => p.sequence % 7 === 3);
        if (victim) {
          const url = `/api/snapshots/my-env/patches/${victim.id}`;
          removals.push(await Promise.all([1, 2, 3].map(() => call("DELETE", url, { token: app.tokens.editor }))));
        } else if (!attaching) break;
        await sleep(5);
      }
    })();

    // Two runtimes per sandbox report results for whatever is pending, racing each other.
    const reporter = async (sandbox: string, r: number) => {
      for (let idle = 0; idle < 20; ) {
        const { body } = await call("GET", `/api/sandboxes/${sandbox}/pending-patches`, { token: app.tokens.runtime });
        const next = body.patches[0];
        if (!next) {
          idle += attaching ? 0 : 1;
          await sleep(10);
          continue;
        }
        const status = (next.sequence + r) % 11 === 0 ? "failed" : "applied";
        await call("POST", `/api/sandboxes/${sandbox}/patch-results`, {
          token: app.tokens.runtime,
          body: { patchId: next.id, status, output: `${status} by ${r}` },
        });
      }
    };
    const reporters = SANDBOXES.flatMap((s) => [reporter(s, 0), reporter(s, 1)]);

    // One watcher reads a sandbox throughout: lastPatchSequence must never go back.
    const seen: number[] = [];
    const watcher = (async () => {
      while (attaching) {
        seen.push((await call("GET", "/api/sandboxes/sb-1", { token: app.tokens.viewer })).body.sandbox.lastPatchSequence);
        await sleep(5);
      }
    })();

    const keyedResults = await attaches;
    await Promise.all([removers, watcher, ...reporters]);

    const byStatus = new Map<number, number>();
    for (const r of all) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    console.info(`storm: ${all.length} requests (${[...byStatus].map(([s, n]) => `${n}×${s}`).join(", ")}), ${removals.length} remove races`);

    // Nothing failed for a bad reason: refusals are the designed 404/409s, never a 5xx.
    const unexpected = all.filter((r) => r.status >= 500 || (r.status >= 400 && ![404, 409].includes(r.status)));
    expect(unexpected.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);

    // Sequences 1…N without gap or duplicate, the counter at N.
    const { rows: patches } = await direct.query<{ id: string; sequence: number; idempotency_key: string | null }>(
      "SELECT id, sequence, idempotency_key FROM patches WHERE snapshot_id = 'snap_A' ORDER BY sequence",
    );
    expect(patches.map((p) => p.sequence)).toEqual(patches.map((_, i) => i + 1));
    expect(patches).toHaveLength(40 + 10);
    const { rows: [counter] } = await direct.query("SELECT last_sequence FROM snapshots WHERE id = 'snap_A'");
    expect(counter.last_sequence).toBe(50);

    // Each key: one patch, and all five parallel retries answered with it.
    for (const [k, retries] of keyedResults.entries()) {
      expect(retries.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(retries.map((r) => r.body.patch.id)).size, `key ${k}`).toBe(1);
      expect(patches.filter((p) => p.idempotency_key === `storm-key-${k}`)).toHaveLength(1);
    }

    // Racing removes of one patch: exactly one wins, the others are 404s.
    expect(removals).toHaveLength(7);
    for (const race of removals) expect(race.map((r) => r.status).sort()).toEqual([200, 404, 404]);

    // Per sandbox: applied results recorded once each, in sequence order; lastPatchSequence is the last of them.
    for (const sandbox of SANDBOXES) {
      const { rows: applied } = await direct.query<{ sequence: number }>(
        `SELECT p.sequence FROM patch_applications a JOIN patches p ON p.id = a.patch_id
          WHERE a.sandbox_id = $1 AND a.status = 'applied' ORDER BY a.id`,
        [sandbox],
      );
      const sequences = applied.map((a) => a.sequence);
      expect(sequences, sandbox).toEqual([...new Set(sequences)].sort((a, b) => a - b));
      const { rows: [row] } = await direct.query("SELECT last_patch_sequence FROM sandboxes WHERE id = $1", [sandbox]);
      expect(row.last_patch_sequence, sandbox).toBe(sequences.at(-1) ?? 0);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    // Every accepted result is one row and one audit event; every refused one left nothing.
    const accepted = all.filter((r) => r.status === 201 && r.body?.result).length;
    const { rows: [recorded] } = await direct.query(
      `SELECT (SELECT count(*)::int FROM patch_applications) AS results,
              (SELECT count(*)::int FROM audit_events WHERE action IN ('patch.applied', 'patch.failed')) AS audited`,
    );
    expect(recorded).toEqual({ results: accepted, audited: accepted });
    expect(accepted).toBeGreaterThan(SANDBOXES.length);
  });
});
