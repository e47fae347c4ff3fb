import { describe, expect, it } from "vitest";
import { fleetChange, fleetChips, fleetCsvHref, fleetFilters, fleetSummary, nextListIndex, rolloutSegments, rolloutSummary } from "@/lib/ui/fleet";

const counts = (total: number, state: Record<string, number>, status: Record<string, number> = {}) => ({ total, state, status });

describe("fleetSummary", () => {
  it("says the exact total and the failed and pending counts, grouped by thousands", () => {
    expect(fleetSummary(counts(120345, { upToDate: 120000, pending: 300, failed: 45 }))).toBe("120,345 sandboxes · 45 failed · 300 pending");
  });
  it("leaves out a state no sandbox is in, and says when every sandbox is up to date", () => {
    expect(fleetSummary(counts(12, { upToDate: 10, pending: 2, failed: 0 }))).toBe("12 sandboxes · 2 pending");
    expect(fleetSummary(counts(3000, { upToDate: 3000 }))).toBe("3,000 sandboxes · all up to date");
  });
  it("speaks of one sandbox in the singular and of none plainly", () => {
    expect(fleetSummary(counts(1, { failed: 1 }))).toBe("1 sandbox · 1 failed");
    expect(fleetSummary(counts(0, {}))).toBe("0 sandboxes");
  });
});

describe("fleetFilters and fleetCsvHref", () => {
  it("keeps only the filters that are set, with the search trimmed", () => {
    expect(fleetFilters({ state: "failed", status: null, q: "  sbx_a ", patch: null })).toEqual({ state: "failed", q: "sbx_a" });
    expect(fleetFilters({ state: null, status: null, q: "   ", patch: null })).toEqual({});
  });
  it("downloads exactly what the list shows, with the reference escaped", () => {
    expect(fleetCsvHref("my env", { state: "failed", patch: "pat_1" })).toBe("/api/snapshots/my%20env/sandboxes?state=failed&patch=pat_1&format=csv");
  });
});

describe("fleetChips", () => {
  const c = counts(10, { upToDate: 7, pending: 3, failed: 0 }, { running: 6, stopped: 4 });
  it("offers the sandbox states with their counts, leaving out empty ones", () => {
    expect(fleetChips(c, "state", false, null)).toEqual([
      { value: "upToDate", label: "up to date", count: 7 },
      { value: "pending", label: "pending", count: 3 },
    ]);
  });
  it("keeps a selected chip even at zero, so it can be cleared", () => {
    expect(fleetChips(c, "state", false, "failed").map((chip) => chip.value)).toEqual(["upToDate", "pending", "failed"]);
  });
  it("offers the per-patch states when the list is relative to a patch", () => {
    const p = counts(10, { applied: 5, pending: 1, blocked: 2, failed: 2 });
    expect(fleetChips(p, "state", true, null).map((chip) => chip.value)).toEqual(["applied", "pending", "blocked", "failed"]);
  });
  it("offers statuses in the domain's order", () => {
    expect(fleetChips(c, "status", false, null)).toEqual([
      { value: "running", label: "running", count: 6 },
      { value: "stopped", label: "stopped", count: 4 },
    ]);
  });
});

describe("rollout", () => {
  it("splits the bar in proportion, leaving out empty parts", () => {
    expect(rolloutSegments({ total: 4, applied: 2, pending: 1, blocked: 0, failed: 1 })).toEqual([
      { state: "applied", count: 2, percent: 50 },
      { state: "pending", count: 1, percent: 25 },
      { state: "failed", count: 1, percent: 25 },
    ]);
    expect(rolloutSegments({ total: 0, applied: 0, pending: 0, blocked: 0, failed: 0 })).toEqual([]);
  });
  it("says it in words", () => {
    expect(rolloutSummary({ total: 5000, applied: 4990, pending: 0, blocked: 3, failed: 7 })).toBe("4,990 of 5,000 applied · 3 blocked · 7 failed");
  });
});

describe("nextListIndex", () => {
  it("moves by one, by a screen, or to either end, never past the loaded rows", () => {
    expect(nextListIndex(0, "ArrowDown", 5, 3)).toBe(1);
    expect(nextListIndex(4, "ArrowDown", 5, 3)).toBe(4);
    expect(nextListIndex(0, "ArrowUp", 5, 3)).toBe(0);
    expect(nextListIndex(1, "PageDown", 5, 3)).toBe(4);
    expect(nextListIndex(4, "PageUp", 5, 3)).toBe(1);
    expect(nextListIndex(2, "Home", 5, 3)).toBe(0);
    expect(nextListIndex(2, "End", 5, 3)).toBe(4);
  });
  it("ignores other keys and an empty list", () => {
    expect(nextListIndex(0, "a", 5, 3)).toBeNull();
    expect(nextListIndex(0, "ArrowDown", 0, 3)).toBeNull();
  });
});

describe("fleetChange", () => {
  const listed = counts(10, { upToDate: 8, pending: 2, failed: 0 }, { running: 10 });
  it("is null while the live counts equal the list's, zeros and missing keys alike", () => {
    expect(fleetChange(listed, counts(10, { upToDate: 8, pending: 2 }, { running: 10, stopped: 0 }))).toBeNull();
  });
  it("counts the sandboxes that arrived since the list was loaded", () => {
    expect(fleetChange(listed, counts(13, { upToDate: 8, pending: 5, failed: 0 }, { running: 13 }))).toEqual({ added: 3 });
  });
  it("notices sandboxes moving between states or statuses with none added", () => {
    expect(fleetChange(listed, counts(10, { upToDate: 9, pending: 1, failed: 0 }, { running: 10 }))).toEqual({ added: 0 });
    expect(fleetChange(listed, counts(10, { upToDate: 8, pending: 2, failed: 0 }, { running: 9, stopped: 1 }))).toEqual({ added: 0 });
  });
});
