import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/app/Providers";
import "./globals.css";

export const metadata: Metadata = { title: "Lineage", description: "Snapshot lineage and patches for sandboxes" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts sets a fresh nonce per request; the CSP runs only scripts that carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
