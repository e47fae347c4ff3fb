import { test, expect, createSpecExample, graphNode, graphSettled, boxOf, tokenFor } from "./fixtures";

// The open page follows what the runtime reports, with no reload.
test("a patch and its result reported through the API change the open page in place; a new child snapshot is offered, not drawn", async ({ editorPage: page }) => {
  const { snapA, sb1, sb2, name } = await createSpecExample(page);
  let loads = 0;
  page.on("load", () => loads++);
  await page.goto(`/lineage/${name}`);
  await graphSettled(page);
  await expect(page.getByRole("status").filter({ hasText: "live" })).toBeVisible();
  await expect(graphNode(page, sb1)).toContainText("no patches");

  const attached = await page.request.post(`/api/snapshots/${snapA}/patches`, {
    data: { script: "echo live" },
    headers: { authorization: `Bearer ${tokenFor("editor")}` },
  });
  expect(attached.status()).toBe(201);
  const patchId = (await attached.json()).patch.id as string;
  await expect(graphNode(page, snapA)).toContainText("1 patch");
  await expect(graphNode(page, sb1)).toContainText("1 pending");

  const before = await boxOf(page, sb1);
  const result = await page.request.post(`/api/sandboxes/${sb1}/patch-results`, {
    data: { patchId, status: "applied" },
    headers: { authorization: `Bearer ${tokenFor("runtime")}` },
  });
  expect(result.status()).toBe(201);
  await expect(graphNode(page, sb1)).toContainText("patched to #1");
  await expect(graphNode(page, sb2)).toContainText("1 pending");
  expect(await boxOf(page, sb1)).toEqual(before);

  // A snapshot taken of sb2 is a new child of the anchor: a hint, and nothing on screen moves.
  const anchorBox = await boxOf(page, snapA);
  const child = `${snapA}c`;
  const put = await page.request.put(`/api/snapshots/${child}`, {
    data: { sourceSandboxId: sb2, status: "created", sizeBytes: 10 },
    headers: { authorization: `Bearer ${tokenFor("runtime")}` },
  });
  expect(put.status()).toBe(201);
  const hint = page.getByRole("button", { name: /1 newer snapshot/ });
  await expect(hint).toBeVisible();
  await expect(graphNode(page, child)).toHaveCount(0);
  expect(await boxOf(page, snapA)).toEqual(anchorBox);
  await hint.click();
  await expect(graphNode(page, child)).toBeVisible();
  expect(loads).toBe(1);
});
