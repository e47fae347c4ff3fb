/**
 * Relative times. One rule everywhere: the largest whole unit (d, h, m), rounded down, so
 * "expires: 5d" means at least five full days remain. `now` is passed in to keep rendering pure.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms >= DAY) return `${Math.floor(ms / DAY)}d`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)}h`;
  if (ms >= MINUTE) return `${Math.floor(ms / MINUTE)}m`;
  return "<1m";
}

/** "expires: 5d", "expired" once past, null when the snapshot never expires. */
export function expiryText(expiresAt: string | null, now: Date): string | null {
  if (expiresAt === null) return null;
  const left = Date.parse(expiresAt) - now.getTime();
  return left <= 0 ? "expired" : `expires: ${span(left)}`;
}

/** "3h ago" (clock skew that puts the moment in the future reads as "just now"). */
export function ago(at: string, now: Date): string {
  const elapsed = now.getTime() - Date.parse(at);
  return elapsed < MINUTE ? "just now" : `${span(elapsed)} ago`;
}
