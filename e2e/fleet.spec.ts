import type { APIRequestContext, Page } from "@playwright/test";
import type { FleetPage } from "../lib/client";
import { test, expect, graphNode, graphSettled, nodeCard } from "./fixtures";
import { APPLIED, createFleet, FAILED, FLEET_SIZE } from "./fleet-fixtures";

/** Every sandbox id of a walk of the API's pages, in order. */
async function walk(request: APIRequestContext, snap: string, filters: Record<string, string> = {}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let counts: FleetPage["counts"] | null = null;
  do {
    const res = await request.get(`/api/snapshots/${snap}/sandboxes`, { params: { ...filters, limit: 100, ...(cursor && { cursor }) } });
    expect(res.status()).toBe(200);
    const page = (await res.json()) as FleetPage;
    ids.push(...page.sandboxes.map((s) => s.id));
    counts = page.counts;
    cursor = page.pagination.next;
  } while (cursor);
  return { ids, counts: counts! };
}

/** A node's position in the graph (React Flow's transform of it), whatever the viewport. */
const placeOf = (page: Page, id: string) => graphNode(page, id).evaluate((el) => (el as HTMLElement).style.transform);

/** Scrolls the list to its end a screen at a time, collecting every row it draws, in order. */
async function scrollThrough(page: Page, expected: number) {
  const list = page.getByTestId("fleet-rows");
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        const ids = await page.getByTestId("fleet-row").evaluateAll((rows) =>
          rows.map((r) => ({ id: r.getAttribute("data-id")!, top: r.getBoundingClientRect().top })).sort((a, b) => a.top - b.top).map((r) => r.id),
        );
        for (const id of ids) if (!seen.includes(id)) seen.push(id);
        await list.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
        return seen.length;
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toBe(expected);
  return seen;
}

test.describe("the fleet of a snapshot", () => {
  let fleet: Awaited<ReturnType<typeof createFleet>>;
  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    fleet = await createFleet(request);
    await request.dispose();
  });

  test("the group node and the list show the API's exact counts; the failed chip lists exactly the failed sandboxes; a link reopens it", async ({
    editorPage: page,
  }) => {
    const { counts } = await walk(page.request, fleet.snap);
    expect(counts.total).toBe(FLEET_SIZE);
    const failed = await walk(page.request, fleet.snap, { state: "failed" });
    expect([...failed.ids].sort()).toEqual([...fleet.failedIds].sort());

    await page.goto(`/lineage/${fleet.name}`);
    await graphSettled(page);
    const group = graphNode(page, `more:${fleet.snap}`);
    await expect(group.getByTestId("fleet-group")).toHaveAttribute("data-total", String(counts.total));
    await expect(group).toContainText(`${counts.total} sandboxes`);
    await expect(group).toContainText(`${FAILED} failed`);
    await expect(group).toContainText(`${counts.state.pending} pending`);

    await group.dispatchEvent("click");
    const list = page.getByTestId("fleet-list");
    await expect(list.getByTestId("fleet-total")).toHaveAttribute("data-total", String(counts.total));
    await expect(list.getByTestId("fleet-total")).toHaveText(`${counts.total} sandboxes · ${FAILED} failed · ${counts.state.pending} pending`);
    await expect(list.getByTestId("fleet-chip-status-stopped")).toContainText(String(counts.status.stopped));

    await list.getByTestId("fleet-chip-state-failed").click();
    await expect(page).toHaveURL(/state=failed/);
    await expect(list.getByTestId("fleet-chip-state-failed")).toHaveAttribute("aria-pressed", "true");
    expect(await scrollThrough(page, FAILED)).toEqual(failed.ids);
    await expect(list.getByTestId("fleet-csv")).toHaveAttribute("href", `/api/snapshots/${fleet.snap}/sandboxes?state=failed&format=csv`);

    // The URL holds the open list and its filter: a reload reopens the same list.
    await page.reload();
    await expect(page.getByTestId("fleet-chip-state-failed")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("fleet-row")).toHaveCount(FAILED);
    // The server renders the open list with its first rows: they are in the HTML itself.
    const html = await (await page.request.get(page.url())).text();
    expect(html).toContain(`data-id="${failed.ids[0]}"`);

    // Prefix search narrows to what the API finds for the same prefix.
    await page.getByTestId("fleet-chip-state-all").click();
    await expect(page).not.toHaveURL(/state=/);
    const prefix = fleet.failedIds[0]!.slice(0, -1);
    await page.getByTestId("fleet-search").fill(prefix);
    await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
    const found = await walk(page.request, fleet.snap, { q: prefix });
    await expect(page.getByTestId("fleet-row")).toHaveCount(found.ids.length);
  });

  test("scrolling reaches the last sandbox; picking a row draws it beside its snapshot and selects it, moving nothing", async ({ editorPage: page }) => {
    const all = await walk(page.request, fleet.snap);
    await page.goto(`/lineage/${fleet.name}?node=${fleet.snap}&fleet=${fleet.snap}`);
    await graphSettled(page);
    const before = await placeOf(page, fleet.snap);
    const groupBefore = await placeOf(page, `more:${fleet.snap}`);

    expect(await scrollThrough(page, all.ids.length)).toEqual(all.ids);
    const oldest = all.ids.at(-1)!;
    await expect(graphNode(page, oldest)).toHaveCount(0);
    await page.locator(`[data-testid=fleet-row][data-id="${oldest}"]`).click();

    await expect(nodeCard(page, oldest)).toHaveAttribute("data-selected", "true");
    await expect(page).toHaveURL(new RegExp(`node=${oldest}`));
    await expect(page.getByTestId("side-panel")).toContainText(oldest);
    // Drawn beside its snapshot (an edge from it), and nothing that was on screen moved.
    await expect(page.locator(`.react-flow__edge[data-id="${fleet.snap}->${oldest}"]`)).toHaveCount(1);
    // (The view pans to show the new node: positions are compared in the graph, not on screen.)
    expect(await placeOf(page, fleet.snap)).toBe(before);
    expect(await placeOf(page, `more:${fleet.snap}`)).toBe(groupBefore);

    // Back to the list; the keyboard picks too: Home, two rows down, Enter.
    await page.getByTestId("back-to-fleet").click();
    const rows = page.getByTestId("fleet-rows");
    await rows.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(nodeCard(page, all.ids[2]!)).toHaveAttribute("data-selected", "true");
  });

  test("the attach form states the reach before attaching, and it is the created patch's reach.count", async ({ editorPage: page }) => {
    await page.goto(`/lineage/${fleet.name}?node=${fleet.snap}`);
    const panel = page.getByTestId("side-panel");
    await panel.getByRole("button", { name: "Attach patch…" }).click();
    const reach = panel.getByTestId("attach-reach");
    await expect(reach).toHaveAttribute("data-count", /\d+/);
    const stated = Number(await reach.getAttribute("data-count"));
    await expect(reach).toContainText(`Reaches exactly ${stated.toLocaleString("en-US")} sandboxes`);

    await panel.getByRole("textbox", { name: "Script", exact: true }).fill("echo second");
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/snapshots/${fleet.snap}/patches`));
    await panel.getByRole("button", { name: "Attach patch", exact: true }).click();
    const body = (await (await answer).json()) as { reach: { count: number } };
    expect(body.reach.count).toBe(stated);
    await expect(panel.getByRole("status").filter({ hasText: "attached" })).toContainText(`It reaches ${stated} sandboxes`);
  });

  test("a patch's rollout bar opens the list of its failed runs, each with its output", async ({ editorPage: page }) => {
    await page.goto(`/lineage/${fleet.name}?node=${fleet.snap}`);
    const item = page.getByTestId("patch-item").filter({ hasText: "fleet fix" });
    const rollout = item.getByTestId("rollout");
    await expect(rollout.getByRole("img")).toHaveAttribute("aria-label", new RegExp(`${APPLIED} of ${FLEET_SIZE} applied .* ${FAILED} failed`));
    await rollout.getByTestId("rollout-failed").click();
    await expect(page).toHaveURL(new RegExp(`patch=${fleet.patchId}`));
    await expect(page.getByTestId("fleet-row")).toHaveCount(FAILED);
    await expect(page.getByTestId("fleet-list")).toContainText("States against patch #1");

    const first = page.getByTestId("fleet-row").first();
    const id = await first.getAttribute("data-id");
    await first.click();
    await expect(page.getByTestId("side-panel").getByLabel("Output of patch #1")).toHaveText(`E: ${id} ran out of disk`);
  });
});

test("the demo golden snapshot: the group node and the list say the API's counts.total, the failed chip lists exactly the failed, scrolling reaches the last", async ({
  editorPage: page,
}) => {
  const all = await walk(page.request, "snap_golden");
  const failed = await walk(page.request, "snap_golden", { state: "failed" });
  await page.goto("/lineage/golden-base");
  await graphSettled(page);
  await expect(graphNode(page, "more:snap_golden").getByTestId("fleet-group")).toHaveAttribute("data-total", String(all.counts.total));
  await graphNode(page, "more:snap_golden").dispatchEvent("click");
  await expect(page.getByTestId("fleet-total")).toHaveAttribute("data-total", String(all.counts.total));

  // To the end of the walk, a jump at a time: every page arrives in turn.
  const list = page.getByTestId("fleet-rows");
  const last = page.locator(`[data-testid=fleet-row][data-id="${all.ids.at(-1)}"]`);
  await expect
    .poll(
      async () => {
        await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return last.count();
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe(1);
  const total = all.counts.total.toLocaleString("en-US");
  await expect(page.getByTestId("fleet-loaded")).toHaveText(`${total} loaded of ${total}`);

  await page.getByTestId("fleet-chip-state-failed").click();
  expect(await scrollThrough(page, failed.ids.length)).toEqual(failed.ids);
});
