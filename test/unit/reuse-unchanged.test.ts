import { describe, expect, it } from "vitest";
import { reuseUnchanged } from "@/lib/graph/reuse-unchanged";

type Item = { id: string; value: number };
const same = (a: Item, b: Item) => a.value === b.value;

describe("reuseUnchanged", () => {
  const previous: Item[] = [
    { id: "a", value: 1 },
    { id: "b", value: 2 },
  ];

  it("returns the previous array when every item is unchanged", () => {
    expect(reuseUnchanged(previous, [{ id: "a", value: 1 }, { id: "b", value: 2 }], same)).toBe(previous);
  });

  it("keeps unchanged items as the same objects and takes changed and new ones", () => {
    const changed = { id: "b", value: 3 };
    const added = { id: "c", value: 4 };
    const result = reuseUnchanged(previous, [{ id: "a", value: 1 }, changed, added], same);
    expect(result).not.toBe(previous);
    expect(result[0]).toBe(previous[0]);
    expect(result[1]).toBe(changed);
    expect(result[2]).toBe(added);
  });

  it("gives a new array when items are dropped or reordered", () => {
    expect(reuseUnchanged(previous, [{ id: "a", value: 1 }], same)).toEqual([previous[0]]);
    const reordered = reuseUnchanged(previous, [{ id: "b", value: 2 }, { id: "a", value: 1 }], same);
    expect(reordered).not.toBe(previous);
    expect(reordered).toEqual([previous[1], previous[0]]);
  });
});
