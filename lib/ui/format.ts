/** Display formatting shared by the pages: ages, sizes, dates. Framework-free. */
import { age, relativeTime } from "../relative-time";

export const formatAge = (iso: string, now = Date.now()) => age(iso, now);

/** "expires in 5h", "expired 2d ago" or "no expiry". */
export function formatExpiry(iso: string | null, now = Date.now()): string {
  if (!iso) return "no expiry";
  return `${Date.parse(iso) > now ? "expires" : "expired"} ${relativeTime(iso, now)}`;
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value >= 10 || i === 0 ? Math.round(value) : value.toFixed(1)} ${units[i]}`;
}

/** Where a time is told: in UTC, or in the browser's time zone. */
export type TimeZone = "utc" | "local";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** A UTC offset in minutes as "UTC", "UTC+1", "UTC+5:30", "UTC−3". */
function offsetName(minutes: number): string {
  if (minutes === 0) return "UTC";
  const abs = Math.abs(minutes);
  return `UTC${minutes > 0 ? "+" : "−"}${Math.floor(abs / 60)}${abs % 60 ? `:${two(abs % 60)}` : ""}`;
}

/**
 * "2 Dec 2026, 09:05 UTC", or in the browser's zone "2 Dec 2026, 10:05 UTC+1". Written out rather
 * than asked of Intl: the same text on the server and in the browser for the same zone, and no
 * locale data to load (~30 ms of a first visit). The server renders UTC; a page switches to the
 * browser's zone after hydration (components/app/useTimeZone.ts).
 */
export function formatDateTime(iso: string, zone: TimeZone): string {
  const d = new Date(iso);
  const utc = zone === "utc";
  const [year, month, day, hours, minutes] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()];
  return `${day} ${MONTHS[month]} ${year}, ${two(hours)}:${two(minutes)} ${utc ? "UTC" : offsetName(-d.getTimezoneOffset())}`;
}
