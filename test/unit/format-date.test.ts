import { afterEach, expect, test } from "vitest";
import { formatDateTime } from "@/lib/ui/format";

const zoneBefore = process.env.TZ;
afterEach(() => {
  process.env.TZ = zoneBefore;
});

test("a time is told in UTC the same way anywhere (the server's rendering, and the browser's while hydrating)", () => {
  process.env.TZ = "Asia/Kolkata";
  expect(formatDateTime("2026-12-02T09:05:00Z", "utc")).toBe("2 Dec 2026, 09:05 UTC");
  expect(formatDateTime("2026-01-31T23:59:59.999Z", "utc")).toBe("31 Jan 2026, 23:59 UTC");
});

test.each([
  ["UTC", "2 Dec 2026, 09:05 UTC"],
  ["Europe/Paris", "2 Dec 2026, 10:05 UTC+1"],
  ["Asia/Kolkata", "2 Dec 2026, 14:35 UTC+5:30"],
  ["America/Sao_Paulo", "2 Dec 2026, 06:05 UTC−3"],
  ["Pacific/Kiritimati", "2 Dec 2026, 23:05 UTC+14"],
])("in the browser's zone %s, with its offset", (zone, text) => {
  process.env.TZ = zone;
  expect(formatDateTime("2026-12-02T09:05:00Z", "local")).toBe(text);
});
