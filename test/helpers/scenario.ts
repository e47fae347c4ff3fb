import { expect } from "vitest";
import type { TestApp } from "./app";

/** Reports one ingest call with the runtime token and expects it to succeed. */
export async function ingest(app: TestApp, path: string, body: Record<string, unknown>) {
  const res = await app.call("PUT", path, { token: app.tokens.runtime, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

/**
 * The patch-reach example, reported through the ingest routes:
 * my-env (snap_A) ← sb-1, sb-2; snap_B of sb-1 ← sb-3.
 */
export async function buildSpecExample(app: TestApp) {
  await ingest(app, "/api/snapshots/snap_A", { name: "my-env", status: "created", sizeBytes: 1000, createdAt: hoursAgo(10) });
  await ingest(app, "/api/sandboxes/sbx_sb1", { name: "sb-1", status: "running", basedOnSnapshotId: "snap_A", createdAt: hoursAgo(9) });
  await ingest(app, "/api/sandboxes/sbx_sb2", { name: "sb-2", status: "running", basedOnSnapshotId: "snap_A", createdAt: hoursAgo(8) });
  await ingest(app, "/api/snapshots/snap_B", { sourceSandboxId: "sbx_sb1", status: "created", sizeBytes: 2000, createdAt: hoursAgo(7) });
  await ingest(app, "/api/sandboxes/sbx_sb3", { name: "sb-3", status: "running", basedOnSnapshotId: "snap_B", createdAt: hoursAgo(6) });
}

/**
 * A straight chain of `length` snapshots, each taken of a sandbox started from the one before:
 * snap_c0 ← sbx_c1 → snap_c1 ← sbx_c2 → snap_c2 … (oldest first). Returns the ids, oldest first.
 */
export async function buildChain(app: TestApp, length: number, prefix = "c") {
  const ids: string[] = [];
  for (let i = 0; i < length; i++) {
    const id = `snap_${prefix}${i}`;
    if (i > 0) {
      await ingest(app, `/api/sandboxes/sbx_${prefix}${i}`, { status: "stopped", basedOnSnapshotId: ids[i - 1], createdAt: hoursAgo(100 - i) });
    }
    await ingest(app, `/api/snapshots/${id}`, {
      status: "created",
      sizeBytes: 100 + i,
      createdAt: hoursAgo(99.5 - i),
      ...(i > 0 && { sourceSandboxId: `sbx_${prefix}${i}` }),
    });
    ids.push(id);
  }
  return ids;
}
