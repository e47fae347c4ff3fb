import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SCRIPT_MAX_BYTES, utf8Bytes } from "@/lib/contract/limits";
import { startTestApp, type TestApp } from "../helpers/app";
import { ingest } from "../helpers/scenario";

let app: TestApp;
let n = 0;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const attach = (ref: string, body: unknown, headers: Record<string, string> = {}) =>
  app.call("POST", `/api/snapshots/${ref}/patches`, { token: app.tokens.editor, body, headers });
const pending = (sandbox: string) => app.call("GET", `/api/sandboxes/${sandbox}/pending-patches`, { token: app.tokens.runtime });
const report = (sandbox: string, body: unknown) =>
  app.call("POST", `/api/sandboxes/${sandbox}/patch-results`, { token: app.tokens.runtime, body });
const states = async (sandbox: string) =>
  (await app.call("GET", `/api/sandboxes/${sandbox}/patches`, { token: app.tokens.viewer })).body.patches.map(
    (p: { sequence: number; state: string }) => [p.sequence, p.state],
  );

/** A fresh snapshot with two sandboxes started from it, so each test starts at sequence 1. */
async function freshSnapshot() {
  n += 1;
  const snap = `snap_w${n}`;
  await app.call("PUT", `/api/snapshots/${snap}`, { token: app.tokens.runtime, body: { status: "created", sizeBytes: 1 } });
  for (const k of [1, 2]) {
    await app.call("PUT", `/api/sandboxes/sbx_w${n}_${k}`, { token: app.tokens.runtime, body: { status: "running", basedOnSnapshotId: snap } });
  }
  return { snap, sb1: `sbx_w${n}_1`, sb2: `sbx_w${n}_2` };
}

/** The patch-reach example, with ids of its own: snap_A ← sb-1, sb-2; snap_B (taken of sb-1) ← sb-3. */
async function freshSpecExample() {
  n += 1;
  const [snapA, snapB, sb1, sb2, sb3] = [`snap_A${n}`, `snap_B${n}`, `sbx_sb1_${n}`, `sbx_sb2_${n}`, `sbx_sb3_${n}`];
  await ingest(app, `/api/snapshots/${snapA}`, { name: `my-env-${n}`, status: "created", sizeBytes: 1000 });
  await ingest(app, `/api/sandboxes/${sb1}`, { status: "running", basedOnSnapshotId: snapA });
  await ingest(app, `/api/sandboxes/${sb2}`, { status: "running", basedOnSnapshotId: snapA });
  await ingest(app, `/api/snapshots/${snapB}`, { sourceSandboxId: sb1, status: "created", sizeBytes: 2000 });
  await ingest(app, `/api/sandboxes/${sb3}`, { status: "running", basedOnSnapshotId: snapB });
  return { snapA, snapB, name: `my-env-${n}`, sb1, sb2, sb3 };
}

describe("patch reach is one level deep", () => {
  test("a patch on my-env reaches sb-1 and sb-2, not snap_B nor sb-3", async () => {
    const { snapA, snapB, name, sb1, sb2, sb3 } = await freshSpecExample();
    const res = await attach(name, { script: "echo hi", description: "greet" });
    expect(res.status).toBe(201);
    expect(res.body.patch).toMatchObject({
      snapshotId: snapA,
      sequence: 1,
      script: "echo hi",
      description: "greet",
      createdBy: "test-editor",
    });
    expect(res.body.patch.id).toMatch(/^pat_/);
    expect(res.body.reach.count).toBe(2);
    expect(res.body.reach.sample.sort()).toEqual([sb1, sb2]);

    for (const sb of [sb1, sb2]) {
      expect((await pending(sb)).body.patches.map((p: { id: string }) => p.id)).toEqual([res.body.patch.id]);
    }
    expect((await pending(sb3)).body.patches).toEqual([]);
    const onB = await app.call("GET", `/api/snapshots/${snapB}/patches`, { token: app.tokens.viewer });
    expect(onB.body.patches).toEqual([]);
    const tree = await app.call("GET", `/api/snapshots/tree?snapshotId=${snapB}&limit=2`, { token: app.tokens.viewer });
    expect(tree.body.snapshots.map((s: { patchCount: number }) => s.patchCount)).toEqual([0, 1]);
  });
});

describe("attach, list, remove", () => {
  test("by name or id; listed in sequence order; removed ones only on request", async () => {
    const { snap } = await freshSnapshot();
    const a = await attach(snap, { script: "one" });
    const b = await attach(snap, { script: "two" });
    const c = await attach(snap, { script: "three" });
    expect([a, b, c].map((r) => r.body.patch.sequence)).toEqual([1, 2, 3]);
    expect(a.body.patch.description).toBe("");

    const removed = await app.call("DELETE", `/api/snapshots/${snap}/patches/${b.body.patch.id}`, { token: app.tokens.editor });
    expect(removed.status).toBe(200);
    expect(removed.body.patch).toMatchObject({ id: b.body.patch.id, removedBy: "test-editor" });
    expect(removed.body.patch.removedAt).not.toBeNull();

    const live = await app.call("GET", `/api/snapshots/${snap}/patches`, { token: app.tokens.viewer });
    expect(live.body.patches.map((p: { sequence: number }) => p.sequence)).toEqual([1, 3]);
    const all = await app.call("GET", `/api/snapshots/${snap}/patches?include=removed`, { token: app.tokens.viewer });
    expect(all.body.patches.map((p: { sequence: number }) => p.sequence)).toEqual([1, 2, 3]);

    // Sequences are never reused, even after a removal.
    expect((await attach(snap, { script: "four" })).body.patch.sequence).toBe(4);
  });

  test("removing twice, or on another snapshot, is a 404", async () => {
    const { snap } = await freshSnapshot();
    const { snap: another } = await freshSnapshot();
    const p = (await attach(snap, { script: "x" })).body.patch;
    const path = `/api/snapshots/${snap}/patches/${p.id}`;
    expect((await app.call("DELETE", `/api/snapshots/${another}/patches/${p.id}`, { token: app.tokens.editor })).status).toBe(404);
    expect((await app.call("DELETE", path, { token: app.tokens.editor })).status).toBe(200);
    const again = await app.call("DELETE", path, { token: app.tokens.editor });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("patch_not_found");
    expect((await app.call("DELETE", `/api/snapshots/${snap}/patches/pat_nothere`, { token: app.tokens.editor })).status).toBe(404);
  });

  test("unknown snapshot → 404; bad bodies → 400/415 and nothing attached", async () => {
    expect((await attach("no-such-env", { script: "x" })).status).toBe(404);
    const { snap } = await freshSnapshot();
    const cases: [unknown, string][] = [
      [{}, "invalid_body"],
      [{ script: "" }, "invalid_body"],
      [{ script: 42 }, "invalid_body"],
      [{ script: "x", description: "d".repeat(1001) }, "invalid_body"],
      [{ script: "x".repeat(SCRIPT_MAX_BYTES + 1) }, "invalid_body"],
      // Counted in UTF-8 bytes: half as many two-byte characters, plus one byte, is over.
      [{ script: `${"é".repeat(SCRIPT_MAX_BYTES / 2)}x` }, "invalid_body"],
      [{ script: "x", sequence: 7 }, "invalid_body"],
      [["script"], "invalid_body"],
    ];
    for (const [body, code] of cases) {
      const res = await attach(snap, body);
      expect(res.status, JSON.stringify(body).slice(0, 50)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const notJson = await app.call("POST", `/api/snapshots/${snap}/patches`, { token: app.tokens.editor, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(notJson.body.error.code).toBe("invalid_json");
    const wrongType = await app.call("POST", `/api/snapshots/${snap}/patches`, { token: app.tokens.editor, rawBody: '{"script":"x"}', headers: { "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);
    const list = await app.call("GET", `/api/snapshots/${snap}/patches`, { token: app.tokens.viewer });
    expect(list.body.patches).toEqual([]);
    // A script of exactly 64 KiB is accepted, in one-byte or in multi-byte characters.
    expect((await attach(snap, { script: "x".repeat(SCRIPT_MAX_BYTES) })).status).toBe(201);
    const multiByte = "é".repeat(SCRIPT_MAX_BYTES / 2 - 2) + "🧪";
    expect(utf8Bytes(multiByte)).toBe(SCRIPT_MAX_BYTES);
    expect((await attach(snap, { script: multiByte })).status).toBe(201);
  });
});

describe("idempotency keys", () => {
  test("the same key and body return the same patch; another body is refused", async () => {
    const { snap } = await freshSnapshot();
    const body = { script: "echo once", description: "once" };
    const first = await attach(snap, body, { "idempotency-key": "key-1" });
    const retry = await attach(snap, body, { "idempotency-key": "key-1" });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");

    const reused = await attach(snap, { script: "echo other" }, { "idempotency-key": "key-1" });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("idempotency_key_reused");

    const other = await attach(snap, body, { "idempotency-key": "key-2" });
    expect(other.body.patch.sequence).toBe(2);
    const list = await app.call("GET", `/api/snapshots/${snap}/patches`, { token: app.tokens.viewer });
    expect(list.body.patches).toHaveLength(2);
  });

  test("a malformed key is a 400", async () => {
    const { snap } = await freshSnapshot();
    const res = await attach(snap, { script: "x" }, { "idempotency-key": "k".repeat(256) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_idempotency_key");
  });
});

describe("wake: applying patches on a sandbox", () => {
  test("in order; a failure stops the run with its output; nothing is applied twice", async () => {
    const { snap, sb1, sb2 } = await freshSnapshot();
    const patches = [];
    for (const script of ["step 1", "step 2", "step 3"]) patches.push((await attach(snap, { script })).body.patch);
    expect((await pending(sb1)).body.patches.map((p: { sequence: number }) => p.sequence)).toEqual([1, 2, 3]);

    const ok1 = await report(sb1, { patchId: patches[0].id, status: "applied", output: "done 1" });
    expect(ok1.status).toBe(201);
    expect(ok1.body.sandbox).toEqual({ id: sb1, lastPatchSequence: 1 });

    const skip = await report(sb1, { patchId: patches[2].id, status: "applied" });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("out_of_order");

    const fail2 = await report(sb1, { patchId: patches[1].id, status: "failed", output: "exit 1: boom" });
    expect(fail2.status).toBe(201);
    expect(fail2.body.sandbox.lastPatchSequence).toBe(1);
    const sandbox = await app.call("GET", `/api/sandboxes/${sb1}`, { token: app.tokens.viewer });
    expect(sandbox.body.sandbox).toMatchObject({ lastPatchSequence: 1, pendingPatches: 2, failedAtSequence: 2 });
    const detail = await app.call("GET", `/api/sandboxes/${sb1}/patches`, { token: app.tokens.viewer });
    expect(detail.body.patches.map((p: { state: string }) => p.state)).toEqual(["applied", "failed", "pending"]);
    expect(detail.body.patches[1].output).toBe("exit 1: boom");

    // The failed patch is still pending for the next wake; a retry succeeds.
    expect((await pending(sb1)).body.patches.map((p: { sequence: number }) => p.sequence)).toEqual([2, 3]);
    expect((await report(sb1, { patchId: patches[1].id, status: "applied" })).status).toBe(201);
    const twice = await report(sb1, { patchId: patches[1].id, status: "applied" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_applied");
    expect((await report(sb1, { patchId: patches[2].id, status: "applied" })).body.sandbox.lastPatchSequence).toBe(3);
    expect(await states(sb1)).toEqual([[1, "applied"], [2, "applied"], [3, "applied"]]);
    expect((await pending(sb1)).body.patches).toEqual([]);

    // The other sandbox is independent.
    expect(await states(sb2)).toEqual([[1, "pending"], [2, "pending"], [3, "pending"]]);
  });

  test("a removed patch is skipped and never applied", async () => {
    const { snap, sb1 } = await freshSnapshot();
    const ps = [];
    for (const script of ["a", "b", "c"]) ps.push((await attach(snap, { script })).body.patch);
    await app.call("DELETE", `/api/snapshots/${snap}/patches/${ps[1].id}`, { token: app.tokens.editor });
    expect((await pending(sb1)).body.patches.map((p: { sequence: number }) => p.sequence)).toEqual([1, 3]);
    await report(sb1, { patchId: ps[0].id, status: "applied" });
    const removed = await report(sb1, { patchId: ps[1].id, status: "applied" });
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe("patch_removed");
    expect((await report(sb1, { patchId: ps[2].id, status: "applied" })).body.sandbox.lastPatchSequence).toBe(3);
  });

  test("a patch of another snapshot cannot be reported; long output is truncated", async () => {
    const { snap, sb1 } = await freshSnapshot();
    const { snap: elsewhere } = await freshSnapshot();
    const other = (await attach(elsewhere, { script: "elsewhere" })).body.patch;
    const wrong = await report(sb1, { patchId: other.id, status: "applied" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe("patch_not_for_sandbox");
    expect((await report("sbx_nobody", { patchId: other.id, status: "applied" })).status).toBe(404);
    expect((await report(sb1, { patchId: "pat_unknown", status: "applied" })).status).toBe(404);
    expect((await report(sb1, { patchId: other.id, status: "maybe" })).status).toBe(400);

    const mine = (await attach(snap, { script: "noisy" })).body.patch;
    const long = "x".repeat(200_000) + "THE END";
    const res = await report(sb1, { patchId: mine.id, status: "failed", output: long });
    expect(res.body.result.outputTruncated).toBe(true);
    expect(res.body.result.output.endsWith("THE END")).toBe(true);
    expect(res.body.result.output.length).toBeLessThan(70_000);
  });

  test("sb-3, based on a snapshot with no patches, has nothing pending", async () => {
    const { snapA, snapB, sb3 } = await freshSpecExample();
    expect((await attach(snapA, { script: "on A only" })).status).toBe(201);
    const res = await app.call("GET", `/api/sandboxes/${sb3}/patches`, { token: app.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.body.patches).toEqual([]);
    expect(res.body.sandbox).toMatchObject({ id: sb3, basedOnSnapshotId: snapB });
  });
});

