import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/boot";
import { rows } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";
import { propertySeed } from "../property/seed";

/**
 * Lineage reported in any order stays a tree with exact depths and roots (SPEC §1): random
 * orderings of the same reports, random report sequences that try to close loops, and two
 * loop-closing reports racing (on PostgreSQL they run on two connections at once).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const seed = propertySeed("lineage-order");
const put = (path: string, body: Record<string, unknown>) => app.call("PUT", path, { token: app.tokens.runtime, body });
const get = (path: string) => app.call("GET", path, { token: app.tokens.viewer });
let run = 0;

/** A from-scratch recomputation of every snapshot's ancestry would change nothing. */
async function ancestryIsExact() {
  const [repair] = await rows<{ changed: number }>(await getDb(), sql`SELECT snapshot_ancestry_repair(NULL)::int AS changed`);
  expect(repair!.changed).toBe(0);
}

type Op = { path: string; body: Record<string, unknown>; ready: (made: Set<string>) => boolean; makes: string };

/**
 * A forest: parents[i] is the index of snapshot i's parent (< i), or -1 for a root. Each non-root
 * snapshot i is taken of sandbox i, started from its parent. Early reports (a sandbox before its
 * base, a snapshot before its source) are optional; `order` ranks every report.
 */
const forest = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
      sandboxEarly: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      snapshotEarly: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4 * n, maxLength: 4 * n }),
    }),
  );

describe("random orderings of the same reports", () => {
  test("end with the depths and roots of the tree, and every ancestor lookup agrees with a walk", async () => {
    await fc.assert(
      fc.asyncProperty(forest, async ({ parents, sandboxEarly, snapshotEarly, order }) => {
        const r = `o${run++}`;
        const snap = (i: number) => `snap_${r}_${i}`;
        const sbx = (i: number) => `sbx_${r}_${i}`;
        const createdAt = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
        const snapshotBody = (i: number) => ({ status: "created", sizeBytes: 1, createdAt: createdAt(i) });
        const ops: Op[] = [];
        parents.forEach((p, i) => {
          if (p < 0 || snapshotEarly[i]) ops.push({ path: `/api/snapshots/${snap(i)}`, body: snapshotBody(i), ready: () => true, makes: snap(i) });
          if (p < 0) return;
          if (sandboxEarly[i]) ops.push({ path: `/api/sandboxes/${sbx(i)}`, body: { status: "running" }, ready: () => true, makes: sbx(i) });
          ops.push({ path: `/api/sandboxes/${sbx(i)}`, body: { status: "stopped", basedOnSnapshotId: snap(p) }, ready: (m) => m.has(snap(p)), makes: sbx(i) });
          ops.push({ path: `/api/snapshots/${snap(i)}`, body: { ...snapshotBody(i), sourceSandboxId: sbx(i) }, ready: (m) => m.has(sbx(i)), makes: snap(i) });
        });
        const pending = ops.map((op, k) => ({ op, rank: order[k]! })).sort((a, b) => a.rank - b.rank);
        const made = new Set<string>();
        while (pending.length) {
          // The first report (in the random order) whose references exist by now.
          const { op } = pending.splice(pending.findIndex((x) => x.op.ready(made)), 1)[0]!;
          const res = await put(op.path, op.body);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          made.add(op.makes);
        }

        const line = (i: number): number[] => (parents[i]! < 0 ? [i] : [...line(parents[i]!), i]); // root first
        for (let i = 0; i < parents.length; i++) {
          const chain = line(i);
          const { snapshot } = (await get(`/api/snapshots/${snap(i)}`)).body;
          expect(snapshot).toMatchObject({ depth: chain.length - 1, rootId: snap(chain[0]!), parentId: parents[i]! < 0 ? null : snap(parents[i]!) });
          for (const [depth, a] of chain.entries()) {
            expect((await get(`/api/snapshots/${snap(i)}/ancestor?depth=${depth}`)).body.snapshot.id).toBe(snap(a));
            expect((await get(`/api/snapshots/${snap(i)}/ancestor?asOf=${createdAt(a)}`)).body.snapshot.id).toBe(snap(a));
          }
          expect((await get(`/api/snapshots/${snap(i)}/ancestor?depth=${chain.length}`)).status).toBe(400);
          expect((await get(`/api/snapshots/${snap(i)}/ancestor?asOf=2025-12-31T00:00:00Z`)).status).toBe(404);
        }
      }),
      { numRuns: 15, seed },
    );
    await ancestryIsExact();
  });
});

describe("report sequences that try to close loops", () => {
  const N = 4;
  const report = fc.oneof(
    fc.record({ kind: fc.constant("sandbox" as const), i: fc.nat(N - 1), base: fc.option(fc.nat(N - 1), { nil: undefined }) }),
    fc.record({ kind: fc.constant("snapshot" as const), i: fc.nat(N - 1), source: fc.option(fc.nat(N - 1), { nil: undefined }) }),
  );
  const refusals = ["unknown_snapshot", "unknown_sandbox", "based_on_immutable", "source_immutable", "lineage_cycle"];

  test("never yield a loop; every refusal is a 409 and depths stay exact", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 4, maxLength: 24 }), async (reports) => {
        const r = `l${run++}`;
        for (const x of reports) {
          const res =
            x.kind === "sandbox"
              ? await put(`/api/sandboxes/sbx_${r}_${x.i}`, { status: "running", ...(x.base !== undefined && { basedOnSnapshotId: `snap_${r}_${x.base}` }) })
              : await put(`/api/snapshots/snap_${r}_${x.i}`, { status: "created", sizeBytes: 1, ...(x.source !== undefined && { sourceSandboxId: `sbx_${r}_${x.source}` }) });
          if (res.status >= 300) {
            expect(res.status).toBe(409);
            expect(refusals).toContain(res.body.error.code);
          }
        }
        const parentOf = new Map<string, string | null>();
        const stored = new Map<string, { depth: number; rootId: string }>();
        for (let i = 0; i < N; i++) {
          const res = await get(`/api/snapshots/snap_${r}_${i}`);
          if (res.status === 404) continue;
          parentOf.set(res.body.snapshot.id, res.body.snapshot.parentId);
          stored.set(res.body.snapshot.id, res.body.snapshot);
        }
        for (const [id, { depth, rootId }] of stored) {
          const seen = [id];
          for (let p = parentOf.get(id); p; p = parentOf.get(p)) {
            expect(seen, "a loop").not.toContain(p);
            seen.push(p);
          }
          expect({ depth, rootId }).toEqual({ depth: seen.length - 1, rootId: seen[seen.length - 1] });
        }
      }),
      { numRuns: 40, seed },
    );
    await ancestryIsExact();
  });
});

describe("two loop-closing reports at once", () => {
  test("one wins, the other is a 409 lineage_cycle, whichever way the loop would close", async () => {
    for (let k = 0; k < 6; k++) {
      const r = `race${k}`;
      // Two roots, each taken of a sandbox with no base yet: snap_x of sbx_a, snap_y of sbx_b.
      await put(`/api/sandboxes/sbx_${r}_a`, { status: "running" });
      await put(`/api/sandboxes/sbx_${r}_b`, { status: "running" });
      await put(`/api/snapshots/snap_${r}_x`, { status: "created", sizeBytes: 1, sourceSandboxId: `sbx_${r}_a` });
      await put(`/api/snapshots/snap_${r}_y`, { status: "created", sizeBytes: 1, sourceSandboxId: `sbx_${r}_b` });
      // Two sandboxes learn their bases at once: x under y and y under x.
      const adopt = await Promise.all([
        put(`/api/sandboxes/sbx_${r}_a`, { status: "running", basedOnSnapshotId: `snap_${r}_y` }),
        put(`/api/sandboxes/sbx_${r}_b`, { status: "running", basedOnSnapshotId: `snap_${r}_x` }),
      ]);
      expect(adopt.map((res) => res.status).sort()).toEqual([200, 409]);
      expect(adopt.find((res) => res.status === 409)!.body.error.code).toBe("lineage_cycle");

      // A snapshot learns its source while a sandbox learns its base: w under z and z under w.
      await put(`/api/snapshots/snap_${r}_w`, { status: "created", sizeBytes: 1 });
      await put(`/api/sandboxes/sbx_${r}_c`, { status: "running" });
      await put(`/api/snapshots/snap_${r}_z`, { status: "created", sizeBytes: 1, sourceSandboxId: `sbx_${r}_c` });
      await put(`/api/sandboxes/sbx_${r}_d`, { status: "running", basedOnSnapshotId: `snap_${r}_z` });
      const mixed = await Promise.all([
        put(`/api/snapshots/snap_${r}_w`, { status: "created", sizeBytes: 1, sourceSandboxId: `sbx_${r}_d` }),
        put(`/api/sandboxes/sbx_${r}_c`, { status: "running", basedOnSnapshotId: `snap_${r}_w` }),
      ]);
      expect(mixed.map((res) => res.status).sort()).toEqual([200, 409]);
      expect(mixed.find((res) => res.status === 409)!.body.error.code).toBe("lineage_cycle");
    }
    await ancestryIsExact();
  });
});
