import { describe, expect, it } from "vitest";
import { fromLocalInput, parseGeneration, toLocalInput } from "@/lib/ui/jump-input";
import { jumpOf, jumpState, noFleetList, type LineageUrlState } from "@/lib/ui/lineage-url";

const url = (fields: Partial<LineageUrlState>): LineageUrlState => ({ node: null, gen: null, asOf: null, of: null, ...noFleetList, ...fields });

describe("the panel's jump fields", () => {
  it("accepts a generation from the root (0) to the snapshot's own", () => {
    expect(parseGeneration("17", 300)).toEqual({ depth: 17 });
    expect(parseGeneration(" 0 ", 300)).toEqual({ depth: 0 });
    expect(parseGeneration("300", 300)).toEqual({ depth: 300 });
  });

  it("refuses anything else with the range it takes", () => {
    for (const text of ["301", "-1", "1.5", "", "abc", "1e2"]) {
      expect(parseGeneration(text, 300)).toEqual({ problem: "Pick a generation from 0 (the root) to 300 (this snapshot)." });
    }
  });

  it("round-trips a time through the datetime-local field, to the minute", () => {
    const iso = "2026-01-05T10:42:00.000Z";
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it("gives no time for an empty or malformed field", () => {
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("2026-13-45T99:99")).toBeNull();
    expect(fromLocalInput("yesterday")).toBeNull();
  });
});

describe("a jump in the URL", () => {
  it("starts from the page's anchor unless the URL names another snapshot", () => {
    expect(jumpOf(url({ gen: 17 }), "snap_a")).toEqual({ of: "snap_a", depth: 17 });
    expect(jumpOf(url({ gen: 0, of: "snap_b" }), "snap_a")).toEqual({ of: "snap_b", depth: 0 });
    expect(jumpOf(url({ asOf: "2026-01-05T10:00:00.000Z" }), "snap_a")).toEqual({ of: "snap_a", asOf: "2026-01-05T10:00:00.000Z" });
    expect(jumpOf(url({ node: "snap_x" }), "snap_a")).toBeNull();
  });

  it("writes a jump, or its absence, as URL state that reads back the same", () => {
    const jump = { of: "snap_b", depth: 17 };
    expect(jumpOf(url(jumpState(jump)), "snap_a")).toEqual(jump);
    expect(jumpState(null)).toEqual({ node: null, of: null, gen: null, asOf: null, ...noFleetList });
  });
});
