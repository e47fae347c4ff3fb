import { SCRIPT_MAX_BYTES } from "../lib/contract/limits";
import { test, expect, createSpecExample, graphNode, nodeCard } from "./fixtures";

const XSS = "<img src=x onerror=alert(1)>";

// The patch-reach example: a patch on snapA reaches sb1 and sb2, not snapB (frozen) nor sb3 (based on snapB).
test("attach shows its reach, lands on the node and in the panel, renders the script as text, and can be removed", async ({ editorPage: page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { snapA, snapB, sb1, sb2, sb3, name } = await createSpecExample(page);

  await page.goto(`/lineage/${name}?node=${snapA}`);
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByRole("heading", { name })).toBeVisible();
  await expect(graphNode(page, snapA)).toContainText("0 patches");

  await panel.getByRole("button", { name: "Attach patch…" }).click();
  await expect(nodeCard(page, snapA)).toHaveAttribute("data-reach", "target");
  for (const reached of [sb1, sb2]) {
    await expect(nodeCard(page, reached)).toHaveAttribute("data-reach", "reached");
    await expect(graphNode(page, reached)).toContainText("gets the patch on next wake");
  }
  await expect(nodeCard(page, snapB)).toHaveAttribute("data-reach", "dimmed");
  await expect(graphNode(page, snapB).getByTestId("reach-label")).toHaveText("frozen snapshot");
  await expect(nodeCard(page, sb3)).toHaveAttribute("data-reach", "dimmed");
  await expect(graphNode(page, sb3).getByTestId("reach-label")).toHaveText(`based on ${snapB}`);

  await panel.getByRole("textbox", { name: "Script", exact: true }).fill(XSS);
  await panel.getByRole("textbox", { name: "Description (optional)" }).fill("e2e: script rendered as text");
  await panel.getByRole("button", { name: "Attach patch", exact: true }).click();
  await expect(panel.getByRole("status").filter({ hasText: "attached" })).toHaveText("Patch #1 attached. 2 sandboxes will run it on next wake; none is blocked.");

  // The reach highlight ends with the form; the graph and the panel show the new patch without a reload.
  await expect(nodeCard(page, snapB)).not.toHaveAttribute("data-reach", /.+/);
  await expect(graphNode(page, snapA)).toContainText("1 patch");
  await expect(graphNode(page, sb1)).toContainText("1 pending");
  const item = panel.getByTestId("patch-item").filter({ hasText: "#1" });
  await expect(item).toContainText("e2e: script rendered as text");
  await expect(item.getByLabel("Script of patch #1")).toHaveText(XSS);
  await expect(page.locator("img")).toHaveCount(0);

  await item.getByRole("button", { name: "Remove" }).click();
  await expect(item).toContainText("Remove patch #1 (e2e: script rendered as text)?");
  await item.getByRole("button", { name: "Remove patch #1" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Patch #1 (e2e: script rendered as text) removed." })).toBeVisible();
  await expect(panel.getByTestId("patch-item").filter({ hasText: "#1" })).toHaveCount(0);
  await expect(graphNode(page, snapA)).toContainText("0 patches");
  await expect(graphNode(page, sb1)).toContainText("no patches");
  expect(dialogs).toEqual([]);
});

test("the script limit is counted in UTF-8 bytes, as the API counts it; a rejected attach shows the API's message and keeps the form", async ({
  editorPage: page,
}) => {
  const { snapA, name } = await createSpecExample(page);
  await page.goto(`/lineage/${name}?node=${snapA}`);
  const panel = page.getByTestId("side-panel");
  await panel.getByRole("button", { name: "Attach patch…" }).click();
  const script = panel.getByRole("textbox", { name: "Script", exact: true });
  const submit = panel.getByRole("button", { name: "Attach patch", exact: true });

  // 64 KiB of two-byte characters fits exactly; one more byte does not (the API refuses it too).
  const atLimit = "é".repeat(SCRIPT_MAX_BYTES / 2);
  await script.fill(`${atLimit}x`);
  await expect(submit).toBeDisabled();
  await expect(panel.getByText(/Scripts are limited to 64 KiB/)).toBeVisible();
  await script.fill(atLimit);
  await expect(submit).toBeEnabled();
  await expect(panel.getByText(/Scripts are limited to 64 KiB/)).toHaveCount(0);

  // Within the limit, with a too-long description, the API answers 400 and the form stays.
  await script.fill("echo ok");
  await panel.getByRole("textbox", { name: "Description (optional)" }).evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
  await panel.getByRole("textbox", { name: "Description (optional)" }).fill("x".repeat(1001));
  await submit.click();
  await expect(panel.getByRole("alert")).toContainText(/description/i);
  await expect(script).toHaveValue("echo ok");
  await expect(graphNode(page, snapA)).toContainText("0 patches");

  // The same multi-byte script at the limit is accepted by the API.
  await script.fill(atLimit);
  await panel.getByRole("textbox", { name: "Description (optional)" }).fill("");
  await submit.click();
  await expect(panel.getByRole("status").filter({ hasText: "attached" })).toContainText("Patch #1 attached.");
});
