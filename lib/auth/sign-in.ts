/** Browser sign-in with an API token, and sign-out (which also ends the provider session when there is one). */
import { config } from "../config";
import type { Executor } from "../db/client";
import { unauthorized } from "../http/errors";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "./cookies";
import { providerSignOutUrl } from "./oidc/provider";
import { endSessionBySecret, startSession } from "./sessions";
import { principalForSecret } from "./tokens";

export async function signInWithToken(db: Executor, token: string, secure: boolean) {
  const principal = await principalForSecret(db, token);
  if (!principal) throw unauthorized("That token is unknown or has been revoked.");
  const session = await startSession(db, { tokenId: principal.id });
  return {
    user: { id: principal.id, kind: principal.kind, name: principal.name, role: principal.role },
    cookie: sessionCookie(session.secret, secure),
  };
}

/**
 * Ends the session the cookie names (at once, for every copy of the cookie) and clears it. For a
 * provider session, answers the provider's sign-out page to send the browser to, when it has one.
 */
export async function signOut(db: Executor, req: Request): Promise<{ endSessionUrl: string | null; cookie: string }> {
  const secret = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  const ended = secret ? await endSessionBySecret(db, secret) : null;
  const oidc = config().oidc;
  let endSessionUrl: string | null = null;
  if (ended?.idToken && oidc) {
    // The local session is over either way; an unreachable provider only means no provider sign-out.
    endSessionUrl = await providerSignOutUrl(oidc, ended.idToken).catch(() => null);
  }
  return { endSessionUrl, cookie: clearedSessionCookie };
}
