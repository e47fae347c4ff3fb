"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, useState } from "react";
import { ApiRequestError } from "@/lib/client";

/** Retries only what may succeed on retry: network failures and server errors, not 4xx answers. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(error instanceof ApiRequestError && error.status < 500);

export function Providers({ children, nonce }: { children: React.ReactNode; nonce: string | undefined }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry, refetchOnWindowFocus: false } } }),
  );
  // Marks the page interactive. Until hydration the buttons the server drew do nothing, so the
  // browser tests wait for this before they click (effects run children first: this is the last).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    // The theme is a class on <html>, remembered in localStorage, else the OS preference; next-themes
    // sets it before the first paint, so a dark page never flashes white (its script carries the CSP nonce).
    <ThemeProvider nonce={nonce} attribute="class" storageKey="lineage-theme" defaultTheme="system" enableSystem disableTransitionOnChange>
      <NuqsAdapter>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </NuqsAdapter>
    </ThemeProvider>
  );
}
