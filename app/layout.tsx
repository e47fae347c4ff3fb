import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Lineage", description: "Snapshot lineage and patches for sandboxes" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
