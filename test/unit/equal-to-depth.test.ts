import { describe, expect, it } from "vitest";
import { equalToDepth } from "@/lib/graph/equal-to-depth";

describe("equalToDepth", () => {
  const shared = { deep: [1, 2] };

  it("compares values, objects and arrays by value down to the depth", () => {
    expect(equalToDepth({ a: 1, b: { c: "x" } }, { a: 1, b: { c: "x" } }, 2)).toBe(true);
    expect(equalToDepth([1, { c: null }], [1, { c: null }], 2)).toBe(true);
    expect(equalToDepth({ a: 1, b: { c: "x" } }, { a: 1, b: { c: "y" } }, 2)).toBe(false);
    expect(equalToDepth({ a: 1 }, { a: 1, b: undefined }, 2)).toBe(false);
    expect(equalToDepth({ a: undefined }, { b: undefined }, 2)).toBe(false);
    expect(equalToDepth([1], { 0: 1 }, 2)).toBe(false);
    expect(equalToDepth(null, {}, 2)).toBe(false);
    expect(equalToDepth(Number.NaN, Number.NaN, 0)).toBe(true);
  });

  it("compares by reference below the depth", () => {
    expect(equalToDepth({ a: { b: shared } }, { a: { b: shared } }, 2)).toBe(true);
    expect(equalToDepth({ a: { b: { deep: [1, 2] } } }, { a: { b: { deep: [1, 2] } } }, 2)).toBe(false);
    expect(equalToDepth({ a: { b: { deep: [1, 2] } } }, { a: { b: { deep: [1, 2] } } }, 4)).toBe(true);
  });
});
