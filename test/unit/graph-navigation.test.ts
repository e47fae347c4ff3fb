import { describe, expect, test } from "vitest";
import { nearestInDirection } from "@/lib/graph/graph-navigation";

// A plus of 100×50 boxes around "c", with a far one straight below and a near one off to the side.
const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
const boxes = new Map([
  ["c", box(200, 200)],
  ["up", box(200, 100)],
  ["down", box(200, 300)],
  ["left", box(50, 200)],
  ["right", box(350, 200)],
  ["far-below", box(200, 600)],
  ["below-aside", box(420, 330)],
]);

describe("nearestInDirection", () => {
  test.each([
    ["up", "up"],
    ["down", "down"],
    ["left", "left"],
    ["right", "right"],
  ] as const)("%s from the centre is the neighbour that way", (direction, expected) => {
    expect(nearestInDirection("c", direction, boxes)).toBe(expected);
  });

  test("prefers a node straight ahead over a nearer one off to the side", () => {
    const withoutDown = new Map([...boxes].filter(([id]) => id !== "down"));
    // below-aside is 130 down but 220 across; far-below is 400 down and straight ahead.
    expect(nearestInDirection("c", "down", withoutDown)).toBe("far-below");
  });

  test("nothing that way, or an unknown start, is null", () => {
    expect(nearestInDirection("far-below", "down", boxes)).toBeNull();
    expect(nearestInDirection("nope", "up", boxes)).toBeNull();
  });

  test("a node level with the start is never up or down of it", () => {
    const level = new Map([
      ["a", box(0, 0)],
      ["b", box(300, 0)],
    ]);
    expect(nearestInDirection("a", "down", level)).toBeNull();
    expect(nearestInDirection("a", "right", level)).toBe("b");
  });
});
