import type { Executor } from "../db/client";
import { ApiError, unauthorized } from "../http/errors";
import { isSiteOrigin } from "../http/site-origin";
import { readCookie, SESSION_COOKIE } from "./cookies";
import type { Principal } from "./principal";
import { principalForSession } from "./sessions";
import { principalForSecret } from "./tokens";

export type Authenticated = (Principal & { via: "bearer" }) | (Principal & { via: "cookie"; sessionId: string });

/**
 * The caller behind a request: a Bearer token (or X-API-Key) wins over the session cookie.
 * A bad or revoked bearer token is a 401 even when a cookie is also present.
 */
export async function authenticate(db: Executor, req: Request): Promise<Authenticated | null> {
  // OpenComputer's clients send the same token as `X-API-Key: <token>`.
  const apiKey = req.headers.get("x-api-key");
  const header = req.headers.get("authorization") ?? (apiKey === null ? null : `Bearer ${apiKey}`);
  if (header !== null) {
    const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
    if (!match) throw unauthorized("The Authorization header must be `Bearer <token>` (or X-API-Key: <token>).");
    const principal = await principalForSecret(db, match[1]!);
    if (!principal) throw unauthorized("That token is unknown or has been revoked.");
    return { ...principal, via: "bearer" };
  }
  const cookie = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  const session = cookie ? await principalForSession(db, cookie) : null;
  return session ? { ...session, via: "cookie" } : null;
}

/** Cookie-authenticated writes must come from our own pages: the Origin must be the site's own (scheme and host). */
export const isSameOrigin = (req: Request): boolean => isSiteOrigin(req, req.headers.get("origin"));

/**
 * Whether a long-lived request (an event stream) still has the caller it started with: false once
 * its token is revoked or its session ended. A database that does not answer is no reason to say no.
 */
export async function stillAuthenticated(db: Executor, req: Request, callerId: string): Promise<boolean> {
  try {
    return (await authenticate(db, req))?.id === callerId;
  } catch (err) {
    return !(err instanceof ApiError);
  }
}
