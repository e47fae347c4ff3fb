/** The CLI's relative times (lib/relative-time.ts): compact, e.g. "expires: 5d", "3h ago". */
import { age, span } from "../relative-time";

/** "expires: 5d", "expired" once past, null when the snapshot never expires. */
export function expiryText(expiresAt: string | null, now: Date): string | null {
  if (expiresAt === null) return null;
  return Date.parse(expiresAt) <= now.getTime() ? "expired" : `expires: ${span(expiresAt, now.getTime())}`;
}

/** "3h ago", "just now". */
export const ago = (at: string, now: Date) => age(at, now.getTime());
