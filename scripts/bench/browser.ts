import zlib from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import type { TreePage } from "../../lib/lineage/tree";
import { buildLineageGraph, type LineageGraphModel } from "../../lib/graph/lineage-model";
import { placeGraph } from "../../lib/graph/place-graph";
import { RENDER_VISIBLE_ONLY_ABOVE } from "../../lib/graph/node-sizes";
import { treePath } from "./http";
import { ms, summarize, timeCalls } from "./stats";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const CHECKPOINTS = [300, 1000];

/**
 * The lineage page in headless Chromium: time to interactive (median of five first visits), then "load more" clicks (ancestors
 * and descendants in turn) until the graph holds 300 and then 1 000 nodes, timing each append;
 * the first-load JS (gzip) the route pulled; and the incremental layout of one page at those sizes.
 */
export async function browserBench(baseUrl: string, token: string, anchor: string, label: string, out: (line?: string) => void) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const url = `${baseUrl}/lineage/${encodeURIComponent(anchor)}`;
    // Warm the server first, as a server in use is: one visit in a throwaway context (the route's
    // code and static files), then more renders of the page, which its first dozen need to get fast
    // (unwarmed, the HTML took 250–280 ms against ~100 ms later). The measured visits then have a
    // warm server and a cold browser cache, like a user's first visit.
    const warmup = await signedInPage(browser, baseUrl, token);
    await warmup.goto(url);
    for (let i = 0; i < WARMUP_RENDERS; i++) await warmup.request.get(url);
    await warmup.context().close();

    // Five first visits, each in a fresh context (cold browser cache); the last one goes on to the appends.
    const visits: Visit[] = [];
    for (let i = 0; i < VISITS; i++) {
      if (i > 0) await visits[i - 1]!.page.context().close();
      visits.push(await firstVisit(browser, baseUrl, token, url));
    }
    const { page } = visits[visits.length - 1]!;
    const byTime = [...visits].sort((a, b) => a.interactive - b.interactive);
    const median = byTime[Math.floor(VISITS / 2)]!;

    out(`\n#### ${label} — lineage page in headless Chromium (/lineage/${anchor}, 1440×900)\n`);
    out(`Time to interactive (navigation → graph fitted, with its "load more" controls), ${VISITS} first visits: median ${Math.round(median.interactive)} ms, slowest ${Math.round(byTime[VISITS - 1]!.interactive)} ms (target ≤ 1 000);`);
    out(`the median visit: HTML first byte ${Math.round(median.firstByte)} ms, HTML complete ${Math.round(median.htmlDone)} ms, DOM ready ${Math.round(median.domReady)} ms.`);
    out(`First-load JS of the route: ${(median.scriptGzip / 1024).toFixed(1)} KiB gzip in ${median.scripts} scripts (target ≤ 250 KB).\n`);
    out(`| graph size | load-more appends | append p50 ms | append p95 ms | append max ms | layout of one more page, p50 ms |`);
    out(`|---:|---:|---:|---:|---:|---:|`);
    const appends: number[] = [];
    const reached = new Set<Direction>();
    for (const goal of CHECKPOINTS) {
      const before = appends.length;
      while ((await nodeCount(page)) < goal) {
        const took = await appendOnce(page, appends.length % 2 === 0 ? "ancestors" : "descendants", reached);
        if (took === null) break;
        appends.push(took);
      }
      const nodes = await nodeCount(page);
      const s = summarize(appends.slice(before).length ? appends.slice(before) : [NaN]);
      const layout = await layoutTime(baseUrl, token, anchor, nodes);
      out(`| ${nodes} nodes | ${appends.length - before} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(Math.max(...appends.slice(before)))} | ${ms(layout)} |`);
      if (nodes < goal) {
        out(`\nThe lineage ran out of pages at ${nodes} nodes.`);
        break;
      }
    }
  } finally {
    await browser.close();
  }
}

const VISITS = 5;
const WARMUP_RENDERS = 20;

type Visit = { page: Page; interactive: number; firstByte: number; htmlDone: number; domReady: number; scripts: number; scriptGzip: number };

/** Opens the lineage in a fresh, signed-in context and times it until the graph is interactive. */
async function firstVisit(browser: Browser, baseUrl: string, token: string, url: string): Promise<Visit> {
  const page = await signedInPage(browser, baseUrl, token);
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.set(r.url(), r.body().then((b) => zlib.gzipSync(b).length, () => 0));
  });
  const started = performance.now();
  await page.goto(url);
  // Interactive: the graph has fitted its first view (it marks itself settled) and offers "load more".
  await page.locator("[data-testid=lineage-graph][data-settled]").waitFor({ timeout: 30_000 });
  await page.locator(".react-flow__node-loadMore").first().waitFor({ state: "visible", timeout: 30_000 });
  const interactive = performance.now() - started;
  // Where the time went, on the page's clock (from navigation start). The first tree pages come
  // with the HTML (server-rendered), so no API request precedes the first view.
  const phases = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { firstByte: nav.responseStart, htmlDone: nav.responseEnd, domReady: nav.domContentLoadedEventEnd };
  });
  const scriptGzip = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
  return { page, interactive, ...phases, scripts: scripts.size, scriptGzip };
}

export async function signedInPage(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  // tsx compiles the page.evaluate callbacks with esbuild's name-keeping helper; the page needs it too.
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  const signIn = await page.request.post(`${baseUrl}/api/session`, { data: { token }, headers: { origin: baseUrl } });
  if (!signIn.ok()) throw new Error(`POST /api/session → ${signIn.status()}`);
  return page;
}

/** Nodes in the graph (the graph reports its model: past 300 nodes only those in view are in the page). */
const nodeCount = (page: Page) => page.evaluate(() => Number(document.querySelector("[data-testid=lineage-graph]")?.getAttribute("data-node-count")));

type Direction = "ancestors" | "descendants";

const loadMoreButton = (page: Page, direction: Direction) =>
  page.locator(".react-flow__node-loadMore [role=button]").filter({ hasText: `Load more ${direction}` });

/**
 * Drags the graph, as a user would, until the "load more" node of `direction` is on screen: the
 * chain's end leaves the screen as pages arrive, and past 300 nodes only what is in view is in the
 * page at all. False when it never shows up: that end of the chain is reached.
 */
async function reveal(page: Page, direction: Direction): Promise<boolean> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) return false;
  const onScreen = async () => {
    const box = (await loadMoreButton(page, direction).count()) ? await loadMoreButton(page, direction).first().boundingBox() : null;
    return box !== null && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
  };
  const drag = async (dy: number) => {
    const x = pane.x + 80; // the empty margin left of the chain, clear of the zoom controls
    const y = pane.y + pane.height / 2 - dy / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + dy, { steps: 4 });
    await page.mouse.up();
  };
  // Every node is in the page up to RENDER_VISIBLE_ONLY_ABOVE: no "load more" node there, that end is reached.
  if ((await nodeCount(page)) <= RENDER_VISIBLE_ONLY_ABOVE && (await loadMoreButton(page, direction).count()) === 0) return false;
  const step = direction === "ancestors" ? 600 : -600; // content moves down to show what is above
  for (let drags = 0; drags < 80; drags++) {
    if (await onScreen()) return true;
    await drag(step);
  }
  if (await onScreen()) return true;
  for (let drags = 0; drags < 80; drags++) await drag(-step); // back to where the search started
  return false;
}

/**
 * Brings the "load more" node of one direction on screen (the other once that end is reached),
 * clicks it and measures, in the page, until the graph holds the new nodes and no load is busy;
 * null when neither end has more. `reached` remembers the ends already found.
 */
async function appendOnce(page: Page, prefer: Direction, reached: Set<Direction>): Promise<number | null> {
  const order: Direction[] = prefer === "ancestors" ? ["ancestors", "descendants"] : ["descendants", "ancestors"];
  let direction: Direction | undefined;
  for (const d of order.filter((d) => !reached.has(d))) {
    if (await reveal(page, d)) {
      direction = d;
      break;
    }
    reached.add(d);
  }
  if (!direction) return null;
  return page.evaluate(async (direction) => {
    const graph = document.querySelector("[data-testid=lineage-graph]")!;
    const button = [...document.querySelectorAll<HTMLElement>(".react-flow__node-loadMore [role=button]")].find((b) => b.textContent?.includes(`Load more ${direction}`))!;
    const count = () => Number(graph.getAttribute("data-node-count"));
    // A click right after a drag is swallowed by d3-zoom, which ignores the click ending a pan
    // until a zero-delay timer runs; a user's click comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = count();
    const t = performance.now();
    button.click();
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (count() > before && !document.querySelector(".react-flow__node-loadMore [aria-busy=true]")) resolve();
        else if (performance.now() - t > 30_000) reject(new Error(`no new nodes 30 s after clicking "${button.textContent}" (${count()} nodes)`));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    return performance.now() - t;
  }, direction);
}

/**
 * The layout work of one append (lib/graph/layout.ts, as the graph calls it), timed in Node on the
 * same tree pages: the graph of `nodes` nodes placed incrementally on top of the graph one page smaller.
 */
async function layoutTime(baseUrl: string, token: string, anchor: string, nodes: number): Promise<number> {
  const pages = { desc: [] as TreePage[], asc: [] as TreePage[] };
  const fetchPage = async (sortOrder: "asc" | "desc") => {
    const last = pages[sortOrder].at(-1);
    if (last && !last.pagination.next) return false;
    const query = { snapshotId: anchor, sortOrder, limit: 10, cursor: last?.pagination.next ?? undefined };
    const res = await fetch(`${baseUrl}${treePath(query)}`, { headers: { authorization: `Bearer ${token}` } });
    pages[sortOrder].push((await res.json()) as TreePage);
    return true;
  };
  const graph = () => toModel(pages.desc, pages.asc);
  await fetchPage("desc");
  await fetchPage("asc");
  let previous = graph();
  for (let turn = 0; graph().nodes.length < nodes; turn++) {
    previous = graph();
    if (!(await fetchPage(turn % 2 ? "asc" : "desc")) && !(await fetchPage(turn % 2 ? "desc" : "asc"))) break;
  }
  const prior = placeGraph(previous, new Map());
  const current = graph();
  return (await timeCalls(async () => placeGraph(current, prior), 2, 10)).p50;
}

function toModel(desc: TreePage[], asc: TreePage[]): LineageGraphModel {
  const up = desc.flatMap((p) => p.snapshots);
  const down = asc.flatMap((p) => p.snapshots);
  const more = (pages: TreePage[]) => ({ hasMore: pages.at(-1)?.pagination.next != null, loading: false, failed: false });
  return buildLineageGraph({
    anchor: up[0]!,
    ancestors: up.slice(1),
    descendants: down.slice(1),
    ancestorsLeft: more(desc),
    descendantsLeft: more(asc),
    branches: new Map(),
  });
}
