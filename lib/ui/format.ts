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

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
