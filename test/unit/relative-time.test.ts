import { describe, expect, test } from "vitest";
import { age, relativeTime, span, UNITS } from "@/lib/relative-time";
import { expiryText, ago } from "@/lib/cli/time";
import { formatAge, formatExpiry } from "@/lib/ui/format";

const now = Date.parse("2026-06-01T12:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("relativeTime: the largest whole unit, rounded down, in Intl's narrow words", () => {
  test.each([
    [-3 * DAY - 23 * HOUR, "3d ago"],
    [-90 * MIN, "1h ago"],
    [-59 * 1000, "just now"],
    [30 * 1000, "in <1m"],
    [5 * DAY + 23 * HOUR, "in 5d"],
    [-45 * DAY, "1mo ago"],
    [-800 * DAY, "2y ago"],
  ])("%d ms → %s", (delta, text) => {
    expect(relativeTime(at(delta), now)).toBe(text);
  });

  test("an age in the future (clock skew) is just now; a span drops the direction", () => {
    expect(age(at(5 * MIN), now)).toBe("just now");
    expect(span(at(12 * HOUR + 59 * MIN), now)).toBe("12h");
    expect(span(at(-45 * MIN), now)).toBe("45m");
    expect(span(at(10 * 1000), now)).toBe("<1m");
  });
});

test("the words are Intl.RelativeTimeFormat's narrow English words, for every unit, past and future", () => {
  const intl = new Intl.RelativeTimeFormat("en", { style: "narrow", numeric: "always" });
  for (const [unit, size] of UNITS) {
    for (const n of [1, 2, 11]) {
      expect(relativeTime(at(-n * size), now)).toBe(intl.format(-n, unit));
      expect(relativeTime(at(n * size + 1000), now)).toBe(intl.format(n, unit));
    }
  }
});

test("the pages and the CLI word the same moment from the same rule", () => {
  const created = at(-50 * HOUR);
  expect(formatAge(created, now)).toBe("2d ago");
  expect(ago(created, new Date(now))).toBe("2d ago");
  const expires = at(5 * HOUR + 30 * MIN);
  expect(formatExpiry(expires, now)).toBe("expires in 5h");
  expect(expiryText(expires, new Date(now))).toBe("expires: 5h");
  expect(formatExpiry(at(-2 * DAY), now)).toBe("expired 2d ago");
  expect(expiryText(at(-2 * DAY), new Date(now))).toBe("expired");
});
