import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, signedInPage } from "./browser";
import { summarize } from "./stats";
import { FLEET_PAGE_SIZE } from "../../lib/ui/query-keys";

/**
 * The fleet list and the first view of a deep chain in headless Chromium (issues 11 and 17),
 * against `next start`: each page opened in fresh contexts (cold browser cache, warm server) and
 * timed from navigation until what a user came for is on screen.
 */

const VISITS = 5;
/** The fleet list's row height (components/fleet/FleetRows.tsx). */
const ROW_HEIGHT = 52;
const SCROLL_ROWS = 10_000;
/** Rows moved per frame: a fast, steady scroll (31 000 px/s at 60 frames/s). */
const ROWS_PER_FRAME = 10;

export type FirstVisits = { median: number; slowest: number };

/**
 * In the page from its first byte: when the fleet list's first rows were first painted, in ms
 * from navigation start. The rows come with the HTML, so they are on screen at the first frame
 * after they are in the document and visible, or at the first contentful paint if that comes
 * later (the browser paints nothing before its stylesheets are in). A poll from outside would report
 * later: it cannot run while the page's scripts hold the main thread.
 */
const FIRST_ROWS_PROBE = `
  (() => {
    let inserted = null, fcp = null;
    const settle = () => { if (inserted !== null && fcp !== null) window.__firstRowsPainted = Math.max(inserted, fcp); };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") { fcp = e.startTime; settle(); }
    }).observe({ type: "paint", buffered: true });
    const seen = new MutationObserver(() => {
      // Streamed HTML can hold the rows in a hidden part until a script reveals it: visible counts.
      const row = document.querySelector("[data-testid=fleet-row]");
      if (!row || !row.checkVisibility()) return;
      seen.disconnect();
      requestAnimationFrame((frame) => { inserted = frame; settle(); });
    });
    seen.observe(document, { subtree: true, childList: true });
  })();`;

/** Opens `url` in VISITS fresh contexts, each timed by `ready` (ms from navigation start); the last page stays open. */
async function firstVisits(browser: Browser, baseUrl: string, token: string, url: string, ready: (page: Page) => Promise<number>, initScript?: string) {
  // Warm the server as one in use is: the route's code and static files.
  const open = async () => {
    const page = await signedInPage(browser, baseUrl, token);
    if (initScript) await page.addInitScript({ content: initScript });
    return page;
  };
  const warmup = await open();
  await warmup.goto(url);
  await ready(warmup);
  await warmup.context().close();
  const times: number[] = [];
  let page: Page | null = null;
  for (let i = 0; i < VISITS; i++) {
    if (page) await page.context().close();
    page = await open();
    await page.goto(url);
    times.push(await ready(page));
  }
  const s = summarize(times);
  return { page: page!, visits: { median: s.p50, slowest: Math.max(...times) } };
}

/** Where the last visit's time went, on the page's clock (ms from navigation start). */
export type VisitPhases = { firstByte: number; domReady: number; listRequestStart: number | null; listResponseEnd: number | null };

async function visitPhases(page: Page, requestPath: string): Promise<VisitPhases> {
  return page.evaluate((path) => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const list = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((r) => r.name.includes(path));
    return { firstByte: nav.responseStart, domReady: nav.domContentLoadedEventEnd, listRequestStart: list?.startTime ?? null, listResponseEnd: list?.responseEnd ?? null };
  }, requestPath);
}

export type FleetListRun = { firstRows: FirstVisits; phases: VisitPhases; scroll: { rows: number; seconds: number; frames: number; p50: number; p95: number; max: number; over50: number } };

/**
 * The fleet list of snapshot `snapshotId` (named `name`): time to the first rows, then a scroll
 * through SCROLL_ROWS rows at ROWS_PER_FRAME rows a frame, pages loading as it goes (the list asks
 * for the next page 40 rows ahead), timing every frame (requestAnimationFrame to the next).
 */
export async function fleetListInBrowser(baseUrl: string, token: string, name: string, snapshotId: string): Promise<FleetListRun> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const url = `${baseUrl}/lineage/${encodeURIComponent(name)}?node=${snapshotId}&fleet=${snapshotId}`;
    const firstRows = async (p: Page) => {
      await p.waitForFunction(() => (window as { __firstRowsPainted?: number }).__firstRowsPainted !== undefined, null, { timeout: 30_000 });
      return p.evaluate(() => (window as { __firstRowsPainted?: number }).__firstRowsPainted!);
    };
    const { page, visits } = await firstVisits(browser, baseUrl, token, url, firstRows, FIRST_ROWS_PROBE);
    await page.getByTestId("fleet-row").first().waitFor({ timeout: 30_000 });
    const phases = await visitPhases(page, `/api/snapshots/${snapshotId}/sandboxes?limit=${FLEET_PAGE_SIZE}`);
    const scroll = await page.getByTestId("fleet-rows").evaluate(
      (list, { rows, rowHeight, perFrame }) =>
        new Promise<{ frames: number[]; seconds: number }>((resolve, reject) => {
          const frames: number[] = [];
          const started = performance.now();
          let last = started;
          const goal = rows * rowHeight;
          const step = (now: number) => {
            frames.push(now - last);
            last = now;
            if (list.scrollTop + list.clientHeight >= goal) return resolve({ frames, seconds: (now - started) / 1000 });
            if (now - started > 180_000) return reject(new Error(`scrolled ${Math.round(list.scrollTop / rowHeight)} rows in 180 s`));
            list.scrollTop += perFrame * rowHeight;
            requestAnimationFrame(step);
          };
          requestAnimationFrame((now) => {
            last = now;
            requestAnimationFrame(step);
          });
        }),
      { rows: SCROLL_ROWS, rowHeight: ROW_HEIGHT, perFrame: ROWS_PER_FRAME },
    );
    const s = summarize(scroll.frames);
    return {
      firstRows: visits,
      phases,
      scroll: {
        rows: SCROLL_ROWS,
        seconds: scroll.seconds,
        frames: scroll.frames.length,
        p50: s.p50,
        p95: s.p95,
        max: Math.max(...scroll.frames),
        over50: scroll.frames.filter((f) => f > 50).length,
      },
    };
  } finally {
    await browser.close();
  }
}

/** The lineage page of snapshot `ref` on a deep chain: time until the graph is interactive with the root (`rootId`) and the gap node shown. */
export async function deepChainFirstView(baseUrl: string, token: string, ref: string, rootId: string): Promise<FirstVisits> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    // Timed from outside, like the lineage page's time to interactive (bench/browser.ts): from
    // navigation until the graph is fitted with the gap and the root in it.
    const ready = async (page: Page) => {
      await page.locator("[data-testid=lineage-graph][data-settled]").waitFor({ timeout: 30_000 });
      await page.getByTestId("gap-node").waitFor({ timeout: 30_000 });
      await page.locator(`.react-flow__node[data-id="${rootId}"]`).waitFor({ timeout: 30_000 });
      return page.evaluate(() => performance.now());
    };
    const { visits } = await firstVisits(browser, baseUrl, token, `${baseUrl}/lineage/${encodeURIComponent(ref)}`, ready);
    return visits;
  } finally {
    await browser.close();
  }
}
