import { test as base, expect, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { loadConfig } from "../lib/config";
import { demoTokens } from "../lib/boot";
import type { Role } from "../lib/contract/enums";
import { E2E_SECRET } from "../playwright.config";

/** The demo tokens the e2e server seeds: they derive from its fixed LINEAGE_SECRET. */
const tokens = new Map(demoTokens(loadConfig({ NODE_ENV: "test", LINEAGE_SECRET: E2E_SECRET, LINEAGE_DATA_DIR: ".data-e2e" })).map((t) => [t.role, t.secret]));

export function tokenFor(role: Role): string {
  const token = tokens.get(role);
  if (!token) throw new Error(`No demo token for role ${role}`);
  return token;
}

/** Signs the page's browser context in through the API (the sign-in page itself has its own test). */
export async function signIn(page: Page, role: Role) {
  const baseURL = test.info().project.use.baseURL!;
  const res = await page.request.post("/api/session", { data: { token: tokenFor(role) }, headers: { origin: baseURL } });
  expect(res.status()).toBe(200);
}

/**
 * The patch-reach example with ids and names of its own, reported through the runtime API, so a test
 * that changes it (attaching patches, say) depends on no other test: snapA (named) ← sb1, sb2;
 * snapB (taken of sb1) ← sb3.
 */
export async function createSpecExample(page: Page) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const ids = { snapA: `snap_a${tag}`, snapB: `snap_b${tag}`, sb1: `sbx_1${tag}`, sb2: `sbx_2${tag}`, sb3: `sbx_3${tag}`, name: `env-${tag}` };
  const put = async (path: string, data: Record<string, unknown>) => {
    const res = await page.request.put(path, { data, headers: { authorization: `Bearer ${tokenFor("runtime")}` } });
    expect(res.status(), `PUT ${path}`).toBe(201);
  };
  await put(`/api/snapshots/${ids.snapA}`, { name: ids.name, status: "created", sizeBytes: 1000 });
  await put(`/api/sandboxes/${ids.sb1}`, { status: "running", basedOnSnapshotId: ids.snapA });
  await put(`/api/sandboxes/${ids.sb2}`, { status: "running", basedOnSnapshotId: ids.snapA });
  await put(`/api/snapshots/${ids.snapB}`, { sourceSandboxId: ids.sb1, status: "created", sizeBytes: 2000 });
  await put(`/api/sandboxes/${ids.sb3}`, { status: "running", basedOnSnapshotId: ids.snapB });
  return ids;
}

/** A graph node by id (React Flow renders each inside a wrapper carrying data-id). */
export const graphNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The card inside a graph node, which carries data-reach, data-focused and data-selected. */
export const nodeCard = (page: Page, id: string) => graphNode(page, id).locator(":scope > div");

/** Screen position of a node: equal before and after means it did not move and the viewport stayed. */
export async function boxOf(page: Page, id: string) {
  const box = await graphNode(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not rendered`);
  return box;
}

/** Waits for the first layout and fit: from then on the viewport only moves when the user moves it. */
export const graphSettled = (page: Page) => expect(page.getByTestId("lineage-graph")).toHaveAttribute("data-settled", "true");

/** Waits until the viewport stops moving (fits and re-centring animate): the same transform on two looks in a row. */
export async function viewportAtRest(page: Page) {
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await page.locator(".react-flow__viewport").getAttribute("style");
        const atRest = now === last;
        last = now;
        return atRest;
      },
      { intervals: [100] },
    )
    .toBe(true);
}

/** Clicks a node even when it is outside the visible part of the canvas (no scrolling, no panning). */
export const clickNode = (page: Page, id: string) => graphNode(page, id).dispatchEvent("click");

/**
 * goto and reload return once the page is interactive, not only loaded: a click on a button the
 * server drew is lost before hydration (components/app/Providers.tsx marks the moment).
 */
function waitForHydration(page: Page) {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  // Only a page the app renders hydrates: the designed refusal pages the proxy and the sign-in
  // callback answer with are plain HTML, without the app's scripts.
  const hydrated = async (response: Response | null) => {
    if (await page.locator('script[src*="/_next/"]').count()) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    return response;
  };
  page.goto = async (...args) => hydrated(await goto(...args));
  page.reload = async (...args) => hydrated(await reload(...args));
}

export const test = base.extend<{ editorPage: Page }>({
  page: async ({ page }, provide) => {
    waitForHydration(page);
    await provide(page);
  },
  editorPage: async ({ page }, provide) => {
    await signIn(page, "editor");
    await provide(page);
  },
});

export { expect };

/**
 * A chain `depth` generations deep reported through the runtime API, one hour apart from
 * 2026-01-01T00:00Z: snapshot `${prefix}_i` (generation i) is taken of sandbox `${prefix}_src_i`,
 * which was started from generation i-1.
 */
export async function createDeepChain(request: APIRequestContext, prefix: string, depth: number) {
  const headers = { authorization: `Bearer ${tokenFor("runtime")}` };
  const at = (generation: number, minutes = 0) => new Date(Date.UTC(2026, 0, 1, generation, minutes)).toISOString();
  // Created, or already there from an earlier run against the same database.
  const put = async (path: string, data: object) => expect((await request.put(path, { headers, data })).ok(), path).toBe(true);
  const snapshot = (i: number) => `snap_${prefix}_${i}`;
  for (let i = 0; i <= depth; i++) {
    if (i > 0) await put(`/api/sandboxes/sbx_${prefix}_src_${i}`, { status: "stopped", basedOnSnapshotId: snapshot(i - 1), createdAt: at(i - 1, 30) });
    await put(`/api/snapshots/${snapshot(i)}`, { status: "created", sizeBytes: 1024 * (i + 1), createdAt: at(i), ...(i > 0 && { sourceSandboxId: `sbx_${prefix}_src_${i}` }) });
  }
  return { snapshot, createdAt: (i: number) => at(i) };
}
