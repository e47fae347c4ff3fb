/**
 * Mixed read/write load against a running Lineage (loopback only): every autocannon connection plays a
 * user and a runtime at once, cycling through reads (tree, search, patch lists) and writes (snapshot and
 * sandbox upserts, attach + remove on one shared snapshot, attach + patch result on its own snapshot).
 *
 * Designed so every answer should be a 2xx: each connection removes only patches it attached, and
 * reports results only on its own sandbox, for that sandbox's first pending patch.
 * So any non-2xx is a real failure, not an expected race (racing removes are tested in
 * test/integration/concurrency-storm.test.ts).
 *
 * CLI: LINEAGE_VIEWER_TOKEN=… LINEAGE_EDITOR_TOKEN=… LINEAGE_RUNTIME_TOKEN=…
 *      npx tsx scripts/bench/mixed-load.mts --url http://127.0.0.1:3400 [--duration 60] [--connections 8]
 */
import crypto from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { Tokens } from "./http";
import { loadResult, type LoadResult } from "./stats";

export type MixedLoadOptions = { baseUrl: string; tokens: Tokens; durationSeconds: number; connections?: number };
export type MixedLoadResult = LoadResult & {
  /** Non-2xx answers by step and status, e.g. `{"attach-shared 409": 3}`: empty when all went well. */
  failures: Record<string, number>;
};

const MAX_CONNECTIONS = 32;
const MAX_SECONDS = 600;

/**
 * One simulated user + runtime: its own snapshot and sandbox, and the patches it attached. autocannon
 * clears a connection's context after each pass through the steps, so actors live in a pool instead:
 * a connection takes one at the first step and gives it back after the last, and the next pass updates
 * the same records (200) rather than creating new ones (201).
 */
type Actor = { id: string; cycle: number; sharedPatch?: string; nextPending?: string };
type Context = { actor?: Actor };
type Step = {
  name: string;
  method: "GET" | "PUT" | "POST" | "DELETE";
  role: keyof Tokens;
  path: (a: Actor) => string;
  body?: (a: Actor) => unknown;
  /** Keeps what later steps of the pass need from the answer. */
  remember?: (a: Actor, answer: { patch?: { id: string }; patches?: { id: string }[] }) => void;
};

function steps(base: string): Step[] {
  const own = (a: Actor) => `snap_load_${a.id}`;
  const sandbox = (a: Actor) => `sbx_load_${a.id}`;
  return [
    { name: "tree", method: "GET", role: "viewer", path: () => `/api/snapshots/tree?snapshotId=${base}&sortOrder=asc&limit=10` },
    { name: "search", method: "GET", role: "viewer", path: () => "/api/search?q=load" },
    // Created on an actor's first pass (201), updated after (200): the runtime's idempotent upserts.
    { name: "put-snapshot", method: "PUT", role: "runtime", path: (a) => `/api/snapshots/${own(a)}`, body: (a) => ({ status: "created", sizeBytes: a.cycle }) },
    {
      name: "put-sandbox",
      method: "PUT",
      role: "runtime",
      path: (a) => `/api/sandboxes/${sandbox(a)}`,
      body: (a) => ({ status: a.cycle % 2 ? "running" : "stopped", basedOnSnapshotId: own(a) }),
    },
    {
      name: "attach-shared",
      method: "POST",
      role: "editor",
      path: () => `/api/snapshots/${base}/patches`,
      body: (a) => ({ script: `echo load ${a.id} ${a.cycle}`, description: "mixed load" }),
      remember: (a, answer) => (a.sharedPatch = answer.patch?.id),
    },
    { name: "list-shared", method: "GET", role: "viewer", path: () => `/api/snapshots/${base}/patches` },
    { name: "remove-shared", method: "DELETE", role: "editor", path: (a) => `/api/snapshots/${base}/patches/${a.sharedPatch}` },
    {
      name: "attach-own",
      method: "POST",
      role: "editor",
      path: (a) => `/api/snapshots/${own(a)}/patches`,
      body: (a) => ({ script: `echo own ${a.cycle}` }),
    },
    // As a runtime does: apply the first pending patch (normally the one just attached; after a
    // failed pass, an older one first, so the sandbox catches up instead of getting out-of-order 409s).
    {
      name: "pending",
      method: "GET",
      role: "runtime",
      path: (a) => `/api/sandboxes/${sandbox(a)}/pending-patches`,
      remember: (a, answer) => (a.nextPending = answer.patches?.[0]?.id),
    },
    {
      name: "patch-result",
      method: "POST",
      role: "runtime",
      path: (a) => `/api/sandboxes/${sandbox(a)}/patch-results`,
      body: (a) => ({ patchId: a.nextPending, status: "applied", output: "ok" }),
    },
    { name: "sandbox-patches", method: "GET", role: "viewer", path: (a) => `/api/sandboxes/${sandbox(a)}/patches` },
  ];
}

function assertLoopback(baseUrl: string) {
  const host = new URL(baseUrl).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error(`mixed load runs against loopback only, not ${host}`);
}

/** The shared snapshot every connection attaches to and removes from (its row lock is the contended one). */
async function createBase(baseUrl: string, tokens: Tokens): Promise<string> {
  const id = `snap_loadbase_${crypto.randomBytes(4).toString("hex")}`;
  const res = await fetch(`${baseUrl}/api/snapshots/${id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${tokens.runtime}`, "content-type": "application/json" },
    body: JSON.stringify({ status: "created", sizeBytes: 1 }),
  });
  if (res.status !== 201) throw new Error(`PUT /api/snapshots/${id} → ${res.status} ${await res.text()}`);
  return id;
}

export async function mixedLoad(opts: MixedLoadOptions): Promise<MixedLoadResult> {
  assertLoopback(opts.baseUrl);
  const connections = Math.min(opts.connections ?? 8, MAX_CONNECTIONS);
  const duration = Math.min(opts.durationSeconds, MAX_SECONDS);
  const base = await createBase(opts.baseUrl, opts.tokens);
  const run = crypto.randomBytes(3).toString("hex");
  const idleActors: Actor[] = [];
  let actors = 0;
  const failures: Record<string, number> = {};
  const list = steps(base);

  const result = await autocannon({
    url: opts.baseUrl,
    connections,
    duration,
    requests: list.map((step, index) => ({
      method: step.method,
      setupRequest: (req: autocannon.Request, context: Context) => {
        if (index === 0) {
          const actor = idleActors.pop() ?? { id: `${run}_${actors++}`, cycle: 0 };
          context.actor = { id: actor.id, cycle: actor.cycle + 1 }; // nothing carried over from a failed pass
        }
        const actor = context.actor!;
        return {
          ...req,
          path: step.path(actor),
          headers: { authorization: `Bearer ${opts.tokens[step.role]}`, ...(step.body && { "content-type": "application/json" }) },
          ...(step.body && { body: JSON.stringify(step.body(actor)) }),
        };
      },
      onResponse: (status: number, body: string, context: Context) => {
        if (status >= 300) {
          const key = `${step.name} ${status}`;
          failures[key] = (failures[key] ?? 0) + 1;
        }
        const actor = context.actor!;
        step.remember?.(actor, status < 300 ? JSON.parse(body) : {});
        if (index === list.length - 1) idleActors.push(actor);
      },
    })),
  });

  return { ...loadResult(result), failures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { url: { type: "string" }, duration: { type: "string", default: "60" }, connections: { type: "string", default: "8" } },
  });
  const tokens = {
    viewer: process.env.LINEAGE_VIEWER_TOKEN ?? "",
    editor: process.env.LINEAGE_EDITOR_TOKEN ?? "",
    runtime: process.env.LINEAGE_RUNTIME_TOKEN ?? "",
  };
  if (!values.url || !tokens.viewer || !tokens.editor || !tokens.runtime) {
    console.error("usage: LINEAGE_VIEWER_TOKEN=… LINEAGE_EDITOR_TOKEN=… LINEAGE_RUNTIME_TOKEN=… mixed-load.mts --url http://127.0.0.1:PORT [--duration 60] [--connections 8]");
    process.exit(2);
  }
  const result = await mixedLoad({ baseUrl: values.url, tokens, durationSeconds: Number(values.duration), connections: Number(values.connections) });
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.errors === 0 && result.non2xx === 0 ? 0 : 1);
}
