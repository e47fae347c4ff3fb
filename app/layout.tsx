import type { Metadata, Viewport } from "next";
import { Providers } from "@/components/app/Providers";
import "./globals.css";

export const metadata: Metadata = { title: "Lineage", description: "Snapshot lineage and patches for sandboxes" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
