import autocannon from "autocannon";
import type { TreeQuery } from "../../lib/lineage/tree";
import { loadResult, type LoadResult } from "./stats";

export type Tokens = { viewer: string; editor: string; runtime: string };

/** A new token of `role`, made through the API with the bootstrap admin token. */
export async function createToken(baseUrl: string, adminToken: string, role: keyof Tokens): Promise<string> {
  const res = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ role, name: `bench-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` }),
  });
  if (res.status !== 201) throw new Error(`POST /api/tokens (${role}) → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Viewer, editor and runtime tokens. */
export async function createTokens(baseUrl: string, adminToken: string): Promise<Tokens> {
  const make = (role: keyof Tokens) => createToken(baseUrl, adminToken, role);
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
  return loadResult(result);
}
