"use client";

import { useSyncExternalStore } from "react";
import type { TimeZone } from "@/lib/ui/format";

const never = () => () => {};

/**
 * The zone times are told in: UTC on the server and while the page hydrates (the server cannot
 * know the browser's zone, and hydration must render what the server did), the browser's own
 * right after.
 */
export const useTimeZone = (): TimeZone =>
  useSyncExternalStore(
    never,
    () => "local",
    () => "utc",
  );
