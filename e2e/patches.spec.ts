import { test, expect, graphNode, nodeCard } from "./fixtures";

const XSS = "<img src=x onerror=alert(1)>";

// SPEC §1's example: a patch on my-env (snap_A) reaches sb-1 and sb-2, not snap_B (frozen) nor sb-3 (based on snap_B).
test("attach shows its reach, lands on the node and in the panel, renders the script as text, and can be removed", async ({ editorPage: page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await page.goto("/lineage/my-env?node=snap_A");
  const panel = page.getByTestId("side-panel");
  await expect(panel.getByRole("heading", { name: "my-env" })).toBeVisible();
  await expect(graphNode(page, "snap_A")).toContainText("2 patches");

  await panel.getByRole("button", { name: "Attach patch…" }).click();
  await expect(nodeCard(page, "snap_A")).toHaveAttribute("data-reach", "target");
  for (const reached of ["sbx_sb1", "sbx_sb2"]) {
    await expect(nodeCard(page, reached)).toHaveAttribute("data-reach", "reached");
    await expect(graphNode(page, reached)).toContainText("gets the patch on next wake");
  }
  await expect(nodeCard(page, "snap_B")).toHaveAttribute("data-reach", "dimmed");
  await expect(graphNode(page, "snap_B").getByTestId("reach-label")).toHaveText("frozen snapshot");
  await expect(nodeCard(page, "sbx_sb3")).toHaveAttribute("data-reach", "dimmed");
  await expect(graphNode(page, "sbx_sb3").getByTestId("reach-label")).toHaveText("based on snap_B");

  await panel.getByRole("textbox", { name: "Script", exact: true }).fill(XSS);
  await panel.getByRole("textbox", { name: "Description (optional)" }).fill("e2e: script rendered as text");
  await panel.getByRole("button", { name: "Attach patch", exact: true }).click();
  await expect(panel.getByRole("status")).toContainText("Patch #3 attached. It reaches 2 sandboxes on their next wake.");

  // The reach highlight ends with the form; the graph and the panel show the new patch without a reload.
  await expect(nodeCard(page, "snap_B")).not.toHaveAttribute("data-reach", /.+/);
  await expect(graphNode(page, "snap_A")).toContainText("3 patches");
  await expect(graphNode(page, "sbx_sb1")).toContainText("1 pending");
  const item = panel.getByTestId("patch-item").filter({ hasText: "#3" });
  await expect(item).toContainText("e2e: script rendered as text");
  await expect(item.getByLabel("Script of patch #3")).toHaveText(XSS);
  await expect(page.locator("img")).toHaveCount(0);

  await item.getByRole("button", { name: "Remove" }).click();
  await expect(item).toContainText("Remove patch #3?");
  await item.getByRole("button", { name: "Remove patch #3" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Patch #3 removed." })).toBeVisible();
  await expect(panel.getByTestId("patch-item").filter({ hasText: "#3" })).toHaveCount(0);
  await expect(graphNode(page, "snap_A")).toContainText("2 patches");
  await expect(graphNode(page, "sbx_sb1")).toContainText("patched to #2");
  expect(dialogs).toEqual([]);
});

test("a rejected attach shows the API's message and keeps the form", async ({ editorPage: page }) => {
  await page.goto("/lineage/my-env?node=snap_A");
  const panel = page.getByTestId("side-panel");
  await panel.getByRole("button", { name: "Attach patch…" }).click();
  // Over the 64 KiB limit the button refuses; just under, with a too-long description, the API answers 400.
  await panel.getByRole("textbox", { name: "Script", exact: true }).fill("echo ok");
  await panel.getByRole("textbox", { name: "Description (optional)" }).evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
  await panel.getByRole("textbox", { name: "Description (optional)" }).fill("x".repeat(1001));
  await panel.getByRole("button", { name: "Attach patch", exact: true }).click();
  await expect(panel.getByRole("alert")).toContainText(/description/i);
  await expect(panel.getByRole("textbox", { name: "Script", exact: true })).toHaveValue("echo ok");
  await expect(graphNode(page, "snap_A")).toContainText("2 patches");
});
