/**
 * Relative times, one rule for the pages and the CLI: the largest whole unit, rounded down (so
 * "in 5d" means at least five full days remain), worded by Intl.RelativeTimeFormat in its narrow
 * English style ("3d ago", "in 5h"). Framework-free; `now` is passed in to keep rendering pure.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

const narrow = new Intl.RelativeTimeFormat("en", { style: "narrow", numeric: "always" });

/** The largest whole unit in `ms`, rounded down; null under a minute. */
function largestUnit(ms: number): { unit: Intl.RelativeTimeFormatUnit; value: number } | null {
  for (const [unit, size] of UNITS) if (ms >= size) return { unit, value: Math.floor(ms / size) };
  return null;
}

/** "3d ago", "in 5h"; within a minute, "just now" (past) or "in <1m" (future). */
export function relativeTime(at: string, now: number): string {
  const delta = Date.parse(at) - now;
  const whole = largestUnit(Math.abs(delta));
  if (!whole) return delta > 0 ? "in <1m" : "just now";
  return narrow.format(Math.sign(delta) * whole.value, whole.unit);
}

/** How long ago `at` was; a moment in the future (clock skew) reads as "just now". */
export const age = (at: string, now: number) => relativeTime(new Date(Math.min(Date.parse(at), now)).toISOString(), now);

/** The distance alone, "5d" or "<1m", for compact columns. */
export function span(at: string, now: number): string {
  const whole = largestUnit(Math.abs(Date.parse(at) - now));
  if (!whole) return "<1m";
  // The future form without its "in ": "in 5d" → "5d".
  return narrow
    .formatToParts(whole.value, whole.unit)
    .filter((part) => part.type !== "literal" || part.value.trim() !== "in")
    .map((part) => part.value)
    .join("")
    .trim();
}
