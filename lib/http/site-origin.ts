import { config } from "../config";

/**
 * The origin this site is served from: LINEAGE_PUBLIC_URL when set (behind a proxy), else plain
 * http (what `next start` serves) and the request's Host header. X-Forwarded-* headers are never
 * read: any client can send them (and Next.js builds the request URL's scheme from
 * X-Forwarded-Proto), so trusting them would let a caller choose the origin it is compared against.
 */
export function siteOrigin(req: Request, publicOrigin = config().publicUrl): string | null {
  if (publicOrigin) return publicOrigin;
  const host = req.headers.get("host");
  if (!host) return null;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return null;
  }
}

/** Whether `url` (an Origin header, a return path resolved against us) has exactly the site's scheme and host. */
export function isSiteOrigin(req: Request, url: string | null): boolean {
  const site = siteOrigin(req);
  if (!url || !site) return false;
  try {
    return new URL(url).origin === site;
  } catch {
    return false;
  }
}
