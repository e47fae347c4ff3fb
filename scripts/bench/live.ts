import { chromium, type Page } from "@playwright/test";
import { readServerSentEvents } from "../../lib/events/sse-reader";
import { CHROMIUM_ARGS, signedInPage } from "./browser";
import { MAX_STREAMS_PER_CALLER } from "../../lib/events/stream";
import { createToken, createTokens, type Tokens } from "./http";
import { processTreeRss, startServer, type Server } from "./server";
import { loadNote, ms, summarize } from "./stats";

export type LiveBenchOptions = {
  driver: "pglite" | "postgres";
  /** The servers' environment: database settings, admin token, secret. */
  env: Record<string, string>;
  adminToken: string;
  /** The first app port; a second instance (PostgreSQL only) takes the next one. */
  port: number;
  /** Patch results timed per setup. */
  results: number;
  /** Idle event streams held open on one instance. */
  idleStreams: number;
  out: (line?: string) => void;
};

/**
 * Live updates end to end: the time from a runtime's `POST …/patch-results` (its request sent) to
 * the changed sandbox node in an open lineage page in Chromium, one result at a time. With one
 * `next start`; on PostgreSQL also with two, the write through one and the browser on the other
 * (LISTEN/NOTIFY between them). Then `idleStreams` streams held open on one instance: the server's
 * memory per stream, and the same latency while they are open.
 */
export async function liveBench(o: LiveBenchOptions) {
  // Room for the idle streams beside the pages' own, whatever the instance's default cap.
  const env = { ...o.env, LINEAGE_EVENTS_MAX_STREAMS: String(o.idleStreams + 100) };
  const servers: Server[] = [await startServer(o.port, env)];
  if (o.driver === "postgres") servers.push(await startServer(o.port + 1, env));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const [first, second] = servers as [Server, Server | undefined];
    const tokens = await createTokens(first.baseUrl, o.adminToken);
    // One sandbox per timed setup, each with `results` patches to report in order, on one snapshot.
    const setups = [{ name: "one instance", write: first, view: first }];
    if (second) setups.push({ name: "two instances (write through one, browser on the other)", write: first, view: second });
    setups.push({ name: `one instance, ${o.idleStreams.toLocaleString("en")} idle streams open`, write: first, view: first });
    const lineage = await createLineage(first.baseUrl, tokens, setups.length, o.results);

    o.out(`\n#### ${o.driver} — live updates: runtime POST …/patch-results → changed sandbox node in Chromium, ${o.results} results per row; ${loadNote()}\n`);
    o.out(`| setup | results | p50 ms | p95 ms | max ms | p95 target ≤ 500 ms | of which: POST answered, p50 ms | event in the page, p50 ms |`);
    o.out(`|---|---:|---:|---:|---:|---|---:|---:|`);
    let streams: IdleStreams | undefined;
    try {
      for (const [i, setup] of setups.entries()) {
        if (i === setups.length - 1) streams = await openIdleStreams(setup.view, o.adminToken, tokens, o.idleStreams);
        const page = await livePage(browser, setup.view.baseUrl, tokens.viewer, lineage.name);
        const timings = await timeResults(page, setup.write.baseUrl, tokens.runtime, lineage.sandboxes[i]!, lineage.patches);
        await page.context().close();
        const total = timings.map((t) => t.changed);
        const s = summarize(total);
        const p50 = (pick: (t: ResultTiming) => number) => ms(summarize(timings.map(pick)).p50);
        o.out(
          `| ${setup.name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(Math.max(...total))} | ${s.p95 <= 500 ? "met" : "**not met**"} | ${p50((t) => t.answered)} | ${p50((t) => t.event)} |`,
        );
      }
      if (streams) {
        const perStream = (streams.rssAfter - streams.rssBefore) / streams.count;
        o.out(`\n${streams.count.toLocaleString("en")} idle streams (${streams.callers} callers) opened in ${(streams.openMs / 1000).toFixed(1)} s on one instance: server RSS ${mib(streams.rssBefore)} → ${mib(streams.rssAfter)} MiB, **${(perStream / 1024).toFixed(1)} KiB per stream**; ${loadNote()}.`);
      }
    } finally {
      streams?.close();
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
  }
}

type Lineage = { name: string; sandboxes: string[]; patches: string[] };

/** A snapshot with `sandboxCount` sandboxes based on it and `patchCount` patches attached, made through the API. */
async function createLineage(baseUrl: string, tokens: Tokens, sandboxCount: number, patchCount: number): Promise<Lineage> {
  const tag = Date.now().toString(36);
  const snapshot = `snap_live_${tag}`;
  const name = `live-bench-${tag}`;
  await call(baseUrl, "PUT", `/api/snapshots/${snapshot}`, tokens.runtime, { name, status: "created", sizeBytes: 1000 });
  const sandboxes = Array.from({ length: sandboxCount }, (_, i) => `sbx_live_${tag}_${i + 1}`);
  for (const id of sandboxes) await call(baseUrl, "PUT", `/api/sandboxes/${id}`, tokens.runtime, { status: "running", basedOnSnapshotId: snapshot });
  const patches: string[] = [];
  for (let i = 1; i <= patchCount; i++) {
    const { patch } = (await call(baseUrl, "POST", `/api/snapshots/${snapshot}/patches`, tokens.editor, { script: `echo ${i}` })) as { patch: { id: string } };
    patches.push(patch.id);
  }
  return { name, sandboxes, patches };
}

async function call(baseUrl: string, method: string, path: string, token: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.json();
}

/** The lineage page, signed in, its graph drawn and its event stream open. */
async function livePage(browser: Parameters<typeof signedInPage>[0], baseUrl: string, token: string, name: string): Promise<Page> {
  const page = await signedInPage(browser, baseUrl, token);
  // Notes when each patch result event reaches the page, to tell delivery from the page's own work.
  await page.addInitScript({
    content: `{
      const Original = window.EventSource;
      window.__liveEventAt = 0;
      window.EventSource = class extends Original {
        constructor(...args) {
          super(...args);
          this.addEventListener("patch.result", () => { window.__liveEventAt = performance.timeOrigin + performance.now(); });
        }
      };
    }`,
  });
  await page.goto(`${baseUrl}/lineage/${encodeURIComponent(name)}`);
  await page.locator("[data-testid=lineage-graph][data-settled]").waitFor({ timeout: 30_000 });
  await page.getByRole("status").filter({ hasText: /^live$/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** Epoch milliseconds, sub-millisecond, comparable between this process and the page. */
const now = () => performance.timeOrigin + performance.now();

/** Milliseconds from sending a result until: its answer, its event in the page, the changed node. */
type ResultTiming = { answered: number; event: number; changed: number };

/**
 * Reports the patches' results one at a time and times each, from sending the request to the
 * moment the page's sandbox node shows the new state (a MutationObserver in the page notes it).
 */
async function timeResults(page: Page, writeUrl: string, runtimeToken: string, sandboxId: string, patches: string[]): Promise<ResultTiming[]> {
  const samples: ResultTiming[] = [];
  for (const [i, patchId] of patches.entries()) {
    const left = patches.length - i - 1;
    const expected = left > 0 ? `(^|\\D)${left} pending` : `patched to #${patches.length}`;
    await page.evaluate(
      ([id, pattern]) => {
        const w = window as unknown as { __liveSeenAt?: number };
        w.__liveSeenAt = undefined;
        const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
        if (!node) throw new Error(`${id} is not drawn`);
        const re = new RegExp(pattern);
        const observer = new MutationObserver(() => {
          if (!re.test(node.textContent ?? "")) return;
          w.__liveSeenAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        });
        observer.observe(node, { subtree: true, childList: true, characterData: true });
      },
      [sandboxId, expected] as const,
    );
    const sent = now();
    await call(writeUrl, "POST", `/api/sandboxes/${sandboxId}/patch-results`, runtimeToken, { patchId, status: "applied" });
    const answered = now() - sent;
    const seen = await page.waitForFunction(() => (window as unknown as { __liveSeenAt?: number }).__liveSeenAt, undefined, { timeout: 30_000, polling: 50 });
    const eventAt = await page.evaluate(() => (window as unknown as { __liveEventAt: number }).__liveEventAt);
    samples.push({ answered, event: eventAt - sent, changed: ((await seen.jsonValue()) as number) - sent });
  }
  return samples;
}

type IdleStreams = { count: number; callers: number; openMs: number; rssBefore: number; rssAfter: number; close: () => void };

/**
 * `count` event streams on a snapshot nothing writes to, spread over viewer tokens (the per-caller
 * cap), each read as it arrives (heartbeats). RSS is read after the server settles, before and after.
 */
async function openIdleStreams(server: Server, adminToken: string, tokens: Tokens, count: number): Promise<IdleStreams> {
  const quiet = `snap_live_idle_${Date.now().toString(36)}`;
  await call(server.baseUrl, "PUT", `/api/snapshots/${quiet}`, tokens.runtime, { status: "created", sizeBytes: 1 });
  const perCaller = MAX_STREAMS_PER_CALLER;
  const callers = Math.ceil(count / perCaller);
  const viewerTokens: string[] = [];
  for (let i = 0; i < callers; i++) viewerTokens.push(await createToken(server.baseUrl, adminToken, "viewer"));
  await settle();
  const rssBefore = processTreeRss(server.pid);
  const abort = new AbortController();
  const started = performance.now();
  const open = async (token: string) => {
    const res = await fetch(`${server.baseUrl}/api/events?snapshot=${quiet}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    if (res.status !== 200) throw new Error(`GET /api/events → ${res.status} ${await res.text()}`);
    const events = readServerSentEvents(res.body!);
    await events.next(); // ready
    void (async () => {
      for await (const _ of events); // heartbeats keep coming; reading them keeps the socket drained
    })().catch(() => {});
  };
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => open(viewerTokens[Math.floor((i + k) / perCaller)]!)));
  }
  const openMs = performance.now() - started;
  await settle();
  return { count, callers, openMs, rssBefore, rssAfter: processTreeRss(server.pid), close: () => abort.abort() };
}

const settle = () => new Promise((r) => setTimeout(r, 3_000));

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
