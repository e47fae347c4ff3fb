/**
 * Session checks for server-rendered pages: the same session cookie the API accepts,
 * read through next/headers. Pages call `requireUser` and are redirected to /signin without one.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../boot";
import { SESSION_COOKIE } from "./cookies";
import type { Principal } from "./principal";
import { principalForSession } from "./sessions";

/** The signed-in principal, or null when the cookie is missing, unknown, ended, expired or its token revoked. */
export async function getPageUser(): Promise<Principal | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value ? principalForSession(await getDb(), value) : null;
}

/** The signed-in principal; otherwise a redirect to /signin that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<Principal> {
  const user = await getPageUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * A `next` parameter is followed only when it is a path on this site (no open redirects). It is
 * resolved the way a browser would (tab and newline dropped, `\` read as `/`, `..` applied) against
 * an origin of our own, and kept only if the result stays on it; then only the resolved path, query
 * and fragment are used, with leading slashes collapsed so it can never read as `//host`.
 */
export function safeReturnPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/")) return "/";
  try {
    const url = new URL(value, RESOLVE_BASE);
    if (url.origin !== RESOLVE_BASE) return "/";
    return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

// Any origin works as long as it is ours alone: a value naming another host resolves away from it.
const RESOLVE_BASE = "http://lineage.invalid";
