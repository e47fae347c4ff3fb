import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { fleetCountsVersusRows, recountFleet } from "../helpers/fleet-recount";
import { propertySeed } from "../property/seed";

/**
 * The fleet's counts are kept, never recounted per request: after any mix of concurrent sandbox
 * reports, attaches, removals and patch results, every figure the API gives (the list's counts,
 * per-patch counts, each patch's rollout, an attach's reach) equals a recount from the rows.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const statuses = ["pending", "running", "stopping", "stopped", "failed", "snapshotting"] as const;
const command = fc.oneof(
  fc.record({ kind: fc.constant("upsert" as const), sandbox: fc.nat(5), status: fc.constantFrom(...statuses) }),
  fc.record({ kind: fc.constant("attach" as const) }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("result" as const), sandbox: fc.nat(5), applied: fc.boolean() }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

let run = 0;

test("counts, rollouts and reach equal a recount from the rows after random concurrent changes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }), async (batches) => {
      run += 1;
      const snap = `snap_prop${run}`;
      const sandboxId = (n: number) => `sbx_p${run}_${n}`;
      const keys: string[] = [];
      const ok = (res: { status: number; body: unknown }) => expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      await app.call("PUT", `/api/snapshots/${snap}`, { token: app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });

      const perform = async (c: Command) => {
        if (c.kind === "upsert") {
          ok(await app.call("PUT", `/api/sandboxes/${sandboxId(c.sandbox)}`, { token: app.tokens.runtime, body: { status: c.status, basedOnSnapshotId: snap } }));
        } else if (c.kind === "attach") {
          const key = `k${run}-${keys.length}`;
          keys.push(key);
          ok(await app.call("POST", `/api/snapshots/${snap}/patches`, { token: app.tokens.editor, body: { script: "true" }, headers: { "idempotency-key": key } }));
        } else if (c.kind === "remove") {
          const live = (await app.call("GET", `/api/snapshots/${snap}/patches`, { token: app.tokens.viewer })).body.patches as { id: string }[];
          if (live.length) ok(await app.call("DELETE", `/api/snapshots/${snap}/patches/${live[c.pick % live.length]!.id}`, { token: app.tokens.editor }));
        } else {
          const pending = await app.call("GET", `/api/sandboxes/${sandboxId(c.sandbox)}/pending-patches`, { token: app.tokens.runtime });
          const next = pending.body?.patches?.[0] as { id: string } | undefined;
          if (next) {
            ok(await app.call("POST", `/api/sandboxes/${sandboxId(c.sandbox)}/patch-results`, {
              token: app.tokens.runtime,
              body: { patchId: next.id, status: c.applied ? "applied" : "failed", output: "out" },
            }));
          }
        }
      };
      for (const batch of batches) await Promise.all(batch.map(perform));

      const { kept, counted } = await fleetCountsVersusRows();
      expect(kept).toEqual(counted);
      const truth = await recountFleet(snap);
      expect((await app.call("GET", `/api/snapshots/${snap}/sandboxes?limit=1`, { token: app.tokens.viewer })).body.counts).toEqual(truth.counts);
      const patches = (await app.call("GET", `/api/snapshots/${snap}/patches?include=removed`, { token: app.tokens.viewer })).body.patches;
      expect(patches.map((p: { sequence: number }) => p.sequence)).toEqual(truth.patches.map((p) => p.sequence));
      for (const p of patches) {
        expect(p.rollout).toEqual(truth.rolloutFor(p.sequence));
        const byPatch = await app.call("GET", `/api/snapshots/${snap}/sandboxes?limit=1&patch=${p.id}`, { token: app.tokens.viewer });
        expect(byPatch.body.counts).toEqual(truth.countsFor(p.sequence));
      }
      // Replaying an attach answers its reach as it stands now.
      for (const key of keys) {
        const replay = await app.call("POST", `/api/snapshots/${snap}/patches`, { token: app.tokens.editor, body: { script: "true" }, headers: { "idempotency-key": key } });
        const reached = truth.sandboxes.filter((s) => s.last < replay.body.patch.sequence);
        expect(replay.body.reach).toEqual({ count: reached.length, sample: reached.slice(0, 10).map((s) => s.id) });
      }
    }),
    { numRuns: 6, seed: propertySeed("fleet-counts.test.ts") },
  );
});
