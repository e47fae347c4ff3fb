import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type { TreeQuery } from "../../lib/lineage/tree";

export type Tokens = { viewer: string; editor: string; runtime: string };
export type LoadResult = { requests: number; errors: number; non2xx: number; rps: number; p50Ms: number; p99Ms: number };

/** Viewer, editor and runtime tokens, made through the API with the bootstrap admin token. */
export async function createTokens(baseUrl: string, adminToken: string): Promise<Tokens> {
  const make = async (role: keyof Tokens) => {
    const res = await fetch(`${baseUrl}/api/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role, name: `bench-${role}-${Date.now()}` }),
    });
    if (res.status !== 201) throw new Error(`POST /api/tokens (${role}) → ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return { viewer: await make("viewer"), editor: await make("editor"), runtime: await make("runtime") };
}

export const treePath = (q: TreeQuery) =>
  `/api/snapshots/tree?${new URLSearchParams({ snapshotId: q.snapshotId, sortOrder: q.sortOrder, limit: String(q.limit), ...(q.cursor && { cursor: q.cursor }) })}`;

/** autocannon against `paths`, each connection cycling through them. */
export async function throughput(baseUrl: string, token: string | null, paths: string[], seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

type MixedLoad = (opts: { baseUrl: string; tokens: Tokens; durationSeconds: number }) => Promise<Omit<LoadResult, "p50Ms"> & { p50Ms?: number }>;
const MIXED_LOAD = path.join(import.meta.dirname, "mixed-load.mts");

/** The hardening engineer's mixed read/write load test, when it exists in this checkout. */
export async function mixedLoad(baseUrl: string, tokens: Tokens, durationSeconds: number) {
  if (!fs.existsSync(MIXED_LOAD)) return null;
  const mod = (await import(MIXED_LOAD)) as { mixedLoad: MixedLoad };
  return mod.mixedLoad({ baseUrl, tokens, durationSeconds });
}
