/**
 * Relative times, one rule for the pages and the CLI: the largest whole unit, rounded down (so
 * "in 5d" means at least five full days remain), worded as Intl.RelativeTimeFormat's narrow
 * English style words it ("3d ago", "in 5h"; a unit test holds them equal). Written out rather
 * than asked of Intl: a page's first RelativeTimeFormat loads locale data, ~30 ms of every first
 * visit in Chromium. Framework-free; `now` is passed in to keep rendering pure.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Each unit's size and its narrow English suffix. */
export const UNITS = [
  ["year", 365 * DAY, "y"],
  ["month", 30 * DAY, "mo"],
  ["day", DAY, "d"],
  ["hour", HOUR, "h"],
  ["minute", MINUTE, "m"],
] as const;

/** The largest whole unit in `ms`, rounded down, as "5d"; null under a minute. */
function largestUnit(ms: number): string | null {
  for (const [, size, suffix] of UNITS) if (ms >= size) return `${Math.floor(ms / size)}${suffix}`;
  return null;
}

/** "3d ago", "in 5h"; within a minute, "just now" (past) or "in <1m" (future). */
export function relativeTime(at: string, now: number): string {
  const delta = Date.parse(at) - now;
  const whole = largestUnit(Math.abs(delta));
  if (!whole) return delta > 0 ? "in <1m" : "just now";
  return delta > 0 ? `in ${whole}` : `${whole} ago`;
}

/** How long ago `at` was; a moment in the future (clock skew) reads as "just now". */
export const age = (at: string, now: number) => relativeTime(new Date(Math.min(Date.parse(at), now)).toISOString(), now);

/** The distance alone, "5d" or "<1m", for compact columns. */
export const span = (at: string, now: number): string => largestUnit(Math.abs(Date.parse(at) - now)) ?? "<1m";
