import { expect, test } from "vitest";
import { spawnLineage } from "../helpers/cli";
import { serveTestApp } from "../helpers/served-app";

const served = serveTestApp("spec-example");

test("lineage tree --watch prints the tree again when a sandbox on it changes", async () => {
  const child = spawnLineage(["tree", "my-env", "--watch"], { LINEAGE_URL: served.url, LINEAGE_TOKEN: served.app.tokens.viewer, NO_COLOR: "1" });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  const prints = () => stdout.split("● snap_A").length - 1;
  try {
    await expect.poll(prints, { timeout: 30_000 }).toBe(1);
    expect(stdout).toContain("sbx_sb2 (sb-2)  running");
    const res = await served.app.call("PUT", "/api/sandboxes/sbx_sb2", { token: served.app.tokens.runtime, body: { status: "stopped" } });
    expect(res.status).toBe(200);
    await expect.poll(prints, { timeout: 30_000 }).toBe(2);
    expect(stdout.slice(stdout.lastIndexOf("● snap_A"))).toContain("sbx_sb2 (sb-2)  stopped");
  } finally {
    child.kill();
  }
});
