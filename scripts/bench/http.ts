import autocannon from "autocannon";
import type { TreeQuery } from "../../lib/lineage/tree";
import { loadResult, type LoadResult } from "./stats";

export type Tokens = { viewer: string; editor: string; runtime: string };

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
  return loadResult(result);
}
