import type { NextRequest, NextResponse } from "next/server";
import { config } from "../../config";
import { isApiPath } from "./api-path";

/** A fresh, unguessable value per request: scripts carrying it run, injected ones do not. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");

/**
 * Scripts only from this site or carrying the request's nonce (Next.js reads it from the request's
 * CSP and puts it on its own scripts; next-themes' boot script gets it from the layout);
 * 'unsafe-eval' only for dev tooling. Styles stay inline-capable: React Flow positions nodes with
 * style attributes. PNG export renders through data: and blob: URLs.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The request as the app sees it: with the nonce and the policy Next.js reads it from. */
export function requestHeadersWithNonce(req: NextRequest, nonce: string): Headers {
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", contentSecurityPolicy(nonce));
  return headers;
}

/** HSTS only when the site is known to be served over https (a browser ignores it over http anyway, and a wrong one locks users out). */
export const servedOverHttps = (publicOrigin = config().publicUrl) => publicOrigin?.startsWith("https://") === true;

export function applySecurityHeaders(req: NextRequest, res: NextResponse, nonce: string): NextResponse {
  res.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  if (servedOverHttps()) res.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // API answers are per caller and per moment: no cache (browser, proxy) may keep or replay them.
  if (isApiPath(new URL(req.url).pathname)) res.headers.set("Cache-Control", "no-store");
  return res;
}
