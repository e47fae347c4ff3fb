import type { APIRequestContext } from "@playwright/test";
import { expect, tokenFor } from "./fixtures";

export const FLEET_SIZE = 250;
export const FAILED = 9;
export const APPLIED = 100;

/** A few requests at a time: a setup step, not a load test. */
async function inBatches<T>(items: T[], run: (item: T, index: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += 4) await Promise.all(items.slice(i, i + 4).map((item, k) => run(item, i + k)));
}

/**
 * A golden snapshot of its own, reported through the runtime API: FLEET_SIZE sandboxes (every third
 * named, a fifth stopped), patch #1 attached, APPLIED of them applied it and FAILED failed with output.
 */
export async function createFleet(request: APIRequestContext) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const snap = `snap_g${tag}`;
  const name = `golden-${tag}`;
  const runtime = { authorization: `Bearer ${tokenFor("runtime")}` };
  const put = async (path: string, data: Record<string, unknown>) => {
    const res = await request.put(path, { data, headers: runtime });
    expect(res.status(), `PUT ${path}`).toBe(201);
  };
  await put(`/api/snapshots/${snap}`, { name, status: "created", sizeBytes: 1000 });
  const ids = Array.from({ length: FLEET_SIZE }, (_, i) => `sbx_g${tag}${String(i).padStart(4, "0")}`);
  await inBatches(ids, (id, i) =>
    put(`/api/sandboxes/${id}`, { basedOnSnapshotId: snap, status: i % 5 === 0 ? "stopped" : "running", ...(i % 3 === 0 && { name: `worker-${tag}-${i}` }) }),
  );
  const attached = await request.post(`/api/snapshots/${snap}/patches`, {
    data: { script: "echo fix", description: "fleet fix" },
    headers: { authorization: `Bearer ${tokenFor("editor")}` },
  });
  expect(attached.status()).toBe(201);
  const patchId = ((await attached.json()) as { patch: { id: string } }).patch.id;
  const report = async (id: string, status: "applied" | "failed") => {
    const res = await request.post(`/api/sandboxes/${id}/patch-results`, {
      data: { patchId, status, output: status === "failed" ? `E: ${id} ran out of disk` : "ok" },
      headers: runtime,
    });
    expect(res.status(), `result for ${id}`).toBe(201);
  };
  await inBatches(ids.slice(0, APPLIED), (id) => report(id, "applied"));
  await inBatches(ids.slice(APPLIED, APPLIED + FAILED), (id) => report(id, "failed"));
  return { snap, name, patchId, failedIds: ids.slice(APPLIED, APPLIED + FAILED) };
}

