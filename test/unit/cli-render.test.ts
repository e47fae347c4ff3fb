import { describe, expect, test } from "vitest";
import type { TreeNode, TreePage } from "@/lib/client";
import { renderTree, type TreeView } from "@/lib/cli/render/tree";
import { colours, plain, styleFor } from "@/lib/cli/style";
import { ago, expiryText } from "@/lib/cli/time";
import { sibling, treeNode } from "../helpers/tree-node";

const now = new Date("2026-03-01T12:00:00.000Z");
const inHours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
const render = (view: TreeView) => renderTree(view, { now, style: plain });

const node = (id: string, fields: Partial<TreeNode> = {}) => treeNode(id, { createdAt: inHours(-100), ...fields });
const page = (snapshots: TreeNode[], next: string | null = null): TreePage => ({ snapshots, pagination: { next } });

// A chain: snap_4c (oldest) ← snap_5a (anchor, my-env) ← snap_7d ← snap_8f (newest).
const anchor = node("snap_5a0d7e2c", { depth: 42, name: "my-env", expiresAt: inHours(12), patchCount: 2 });
const older = node("snap_4c9b6d1e", { depth: 41, expiresAt: inHours(8) });
const newer = node("snap_7d2c9a4b", {
  depth: 43,
  expiresAt: inHours(72),
  siblings: [sibling("sbx_sibling_1", { name: "feature-x", failedAtSequence: 2 }), sibling("sbx_sibling_2", { status: "stopped", pendingPatches: 1 })],
  count: "2",
});
const newest = node("snap_8f3a2b1c", { depth: 44, expiresAt: inHours(24 * 5) });

describe("renderTree", () => {
  test("anchored: descendants above, the anchor once and marked current, ancestors below, a hint per direction", () => {
    const text = render({
      ref: "my-sandbox",
      limit: 3,
      anchored: true,
      ancestors: page([anchor, older], "snap_4c9b6d1e"),
      descendants: page([anchor, newer, newest], "snap_8f3a2b1c"),
    });
    expect(text).toBe(
      [
        "│",
        "● snap_8f3a2b1c            gen 44   expires: 5d",
        "│",
        "● snap_7d2c9a4b            gen 43   expires: 3d",
        "│   ├── sbx_sibling_1 (feature-x)  running  failed at #2",
        "│   ╰── sbx_sibling_2              stopped  1 pending",
        "│",
        "● snap_5a0d7e2c (my-env)   gen 42   expires: 12h   2 patches  ◂ current",
        "│",
        "● snap_4c9b6d1e            gen 41   expires: 8h",
        "More ancestors:   lineage tree my-sandbox --direction desc --limit 3 --cursor snap_4c9b6d1e",
        "More descendants: lineage tree my-sandbox --direction asc --limit 3 --cursor snap_8f3a2b1c",
        "",
      ].join("\n"),
    );
  });

  test("a --url given on the command line is repeated in the hints", () => {
    const text = render({ ref: "x", limit: 2, url: "http://lineage.internal:8080", anchored: false, ancestors: page([older], "snap_4c9b6d1e") });
    expect(text).toContain("More ancestors:   lineage tree x --direction desc --limit 2 --cursor snap_4c9b6d1e --url http://lineage.internal:8080\n");
  });

  test("a direction without a next page gets no hint", () => {
    const text = render({ ref: "my-env", limit: 10, anchored: true, ancestors: page([anchor, older]), descendants: page([anchor]) });
    expect(text).not.toContain("More");
    expect(text.match(/snap_5a0d7e2c/g)).toHaveLength(1);
  });

  test("a continuation has no current marker, no other side, and its own further hint", () => {
    const ancestors = render({ ref: "my-sandbox", limit: 2, anchored: false, ancestors: page([older, node("snap_3b", { depth: 40 })], "snap_3b") });
    expect(ancestors).toBe(
      [
        "│",
        "● snap_4c9b6d1e   gen 41   expires: 8h",
        "│",
        "● snap_3b         gen 40",
        "More ancestors:   lineage tree my-sandbox --direction desc --limit 2 --cursor snap_3b",
        "",
      ].join("\n"),
    );
    const descendants = render({ ref: "my-sandbox", limit: 2, anchored: false, descendants: page([newer, newest]) });
    expect(descendants.split("\n").filter((l) => l.startsWith("●"))).toEqual(["● snap_8f3a2b1c   gen 44   expires: 5d", "● snap_7d2c9a4b   gen 43   expires: 3d"]);
    expect(descendants).not.toContain("current");
    expect(descendants).not.toContain("More");
  });

  test("an empty continuation says the chain ends", () => {
    expect(render({ ref: "x", limit: 3, anchored: false, ancestors: page([]) })).toBe("No more ancestors.\n");
    expect(render({ ref: "x", limit: 3, anchored: false, descendants: page([]) })).toBe("No more descendants.\n");
  });

  test('"10+" siblings: the ten shown, then a line saying there are more', () => {
    const siblings = Array.from({ length: 10 }, (_, i) => sibling(`sbx_s${i}`));
    const text = render({ ref: "popular", limit: 1, anchored: true, ancestors: page([node("snap_p", { siblings, count: "10+" })]) });
    const lines = text.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("│   ├── sbx_s"))).toHaveLength(10);
    expect(lines.at(-1)).toBe("│   ╰── + more (10+ in all)");
  });

  test("failed and expired snapshots say so", () => {
    const text = render({
      ref: "x",
      limit: 1,
      anchored: false,
      ancestors: page([node("snap_f", { status: "failed", expiresAt: inHours(-1) })]),
    });
    expect(text).toBe("│\n● snap_f   gen 0   expired   failed\n");
  });

  test("colour codes only with the colour style", () => {
    const view: TreeView = { ref: "x", limit: 1, anchored: true, ancestors: page([anchor], "snap_4c9b6d1e") };
    expect(render(view)).not.toContain("\x1b[");
    const coloured = renderTree(view, { now, style: colours });
    expect(coloured).toContain(colours.green("◂ current"));
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(render(view));
  });
});

describe("styleFor", () => {
  test("colour on a terminal, plain when piped or NO_COLOR is set", () => {
    expect(styleFor(true, {})).toBe(colours);
    expect(styleFor(false, {})).toBe(plain);
    expect(styleFor(true, { NO_COLOR: "1" })).toBe(plain);
  });
});

describe("relative times: the largest whole unit, rounded down", () => {
  test.each([
    [inHours(24 * 5 + 23), "expires: 5d"],
    [inHours(24), "expires: 1d"],
    [inHours(23.99), "expires: 23h"],
    [inHours(12), "expires: 12h"],
    [inHours(0.75), "expires: 45m"],
    [inHours(0.01), "expires: <1m"],
    [now.toISOString(), "expired"],
    [inHours(-3), "expired"],
  ])("expiresAt %s → %s", (expiresAt, text) => {
    expect(expiryText(expiresAt, now)).toBe(text);
  });

  test("no expiry, no text", () => {
    expect(expiryText(null, now)).toBeNull();
  });

  test("ages", () => {
    expect(ago(inHours(-50), now)).toBe("2d ago");
    expect(ago(inHours(-0.5), now)).toBe("30m ago");
    expect(ago(now.toISOString(), now)).toBe("just now");
  });
});
