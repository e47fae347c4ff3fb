"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * The theme in effect, as next-themes resolves it (a remembered choice, else the OS preference).
 * "light" while hydrating, as the server rendered it, so the first client render matches.
 */
export function useResolvedTheme(): "light" | "dark" {
  const { resolvedTheme } = useTheme();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  return hydrated && resolvedTheme === "dark" ? "dark" : "light";
}
