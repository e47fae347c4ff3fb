import type { Page } from "@playwright/test";
import { test, expect, createSpecExample, graphNode, graphSettled, boxOf, tokenFor } from "./fixtures";

const asRuntime = { authorization: `Bearer ${tokenFor("runtime")}` };
const asEditor = { authorization: `Bearer ${tokenFor("editor")}` };

/** The fleet list's rows, top to bottom. */
const rowIds = (page: Page) =>
  page.getByTestId("fleet-row").evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute("data-id")!, top: r.getBoundingClientRect().top })).sort((a, b) => a.top - b.top).map((r) => r.id));

// The open page follows what the runtime reports, with no reload.
test("a patch and its result reported through the API change the open page in place; a new child snapshot is offered, not drawn, whatever changes after it", async ({ editorPage: page }) => {
  const { snapA, snapB, sb1, sb2, name } = await createSpecExample(page);
  let loads = 0;
  page.on("load", () => loads++);
  await page.goto(`/lineage/${name}`);
  await graphSettled(page);
  await expect(page.getByRole("status").filter({ hasText: "live" })).toBeVisible();
  await expect(graphNode(page, sb1)).toContainText("no patches");

  const attached = await page.request.post(`/api/snapshots/${snapA}/patches`, { data: { script: "echo live" }, headers: asEditor });
  expect(attached.status()).toBe(201);
  const patchId = (await attached.json()).patch.id as string;
  await expect(graphNode(page, snapA)).toContainText("1 patch");
  await expect(graphNode(page, sb1)).toContainText("1 pending");
  // The anchor's panel is open on arrival: its rollout bar counts the fleet live too.
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByTestId("rollout-pending")).toHaveText("2 pending");

  const before = await boxOf(page, sb1);
  const result = await page.request.post(`/api/sandboxes/${sb1}/patch-results`, { data: { patchId, status: "applied" }, headers: asRuntime });
  expect(result.status()).toBe(201);
  await expect(graphNode(page, sb1)).toContainText("patched to #1");
  await expect(graphNode(page, sb2)).toContainText("1 pending");
  await expect(panel.getByTestId("rollout-applied")).toHaveText("1 applied");
  await expect(panel.getByTestId("rollout-pending")).toHaveText("1 pending");
  expect(await boxOf(page, sb1)).toEqual(before);

  // A snapshot taken of sb2 is a new child of the anchor: a hint, and nothing on screen moves.
  const onScreen = [snapA, snapB, sb1, sb2];
  const boxes = await Promise.all(onScreen.map((id) => boxOf(page, id)));
  const child = `${snapA}c`;
  const put = await page.request.put(`/api/snapshots/${child}`, { data: { sourceSandboxId: sb2, status: "created", sizeBytes: 10 }, headers: asRuntime });
  expect(put.status()).toBe(201);
  const hint = page.getByRole("button", { name: /1 newer snapshot/ });
  await expect(hint).toBeVisible();
  await expect(graphNode(page, child)).toHaveCount(0);

  // Changes after it refresh the nodes on screen, never the walk: the chain keeps going through
  // snapB (a walk fetched now would follow the newest child instead) and nothing moves.
  const second = await page.request.post(`/api/snapshots/${snapA}/patches`, { data: { script: "echo again" }, headers: asEditor });
  expect(second.status()).toBe(201);
  await expect(graphNode(page, snapA)).toContainText("2 patches");
  await expect(graphNode(page, sb1)).toContainText("1 pending");
  await expect(graphNode(page, child)).toHaveCount(0);
  expect(await Promise.all(onScreen.map((id) => boxOf(page, id)))).toEqual(boxes);

  await hint.click();
  await expect(graphNode(page, child)).toBeVisible();
  expect(loads).toBe(1);
});

test("an open fleet list offers new sandboxes instead of inserting them under the cursor", async ({ editorPage: page }) => {
  const { snapA, sb1, sb2, name } = await createSpecExample(page);
  await page.goto(`/lineage/${name}?node=${snapA}&fleet=${snapA}`);
  await graphSettled(page);
  await expect(page.getByRole("status").filter({ hasText: "live" })).toBeVisible();
  await expect(page.getByTestId("fleet-row")).toHaveCount(2);
  const rows = await rowIds(page);
  expect([...rows].sort()).toEqual([sb1, sb2].sort());

  const started = `${sb1}n`;
  const put = await page.request.put(`/api/sandboxes/${started}`, { data: { status: "running", basedOnSnapshotId: snapA }, headers: asRuntime });
  expect(put.status()).toBe(201);
  const offer = page.getByTestId("fleet-changed");
  await expect(offer).toHaveText("1 new sandbox · show");
  // The counts are live; the rows stay where they were.
  await expect(page.getByTestId("fleet-total")).toHaveAttribute("data-total", "3");
  expect(await rowIds(page)).toEqual(rows);

  await offer.click();
  await expect(page.getByTestId("fleet-row")).toHaveCount(3);
  expect(await rowIds(page)).toEqual([started, ...rows]);
  await expect(offer).toHaveCount(0);
});
