"use client";

import { CopyButton } from "./CopyButton";

/** Copies the absolute link of a view (a path with its URL state), which reopens that same view. */
export function CopyLinkButton({ href }: { href: string }) {
  return <CopyButton value={() => new URL(href, window.location.origin).href} label="Copy link" text="Copy link" />;
}
