import { config } from "@/lib/config";
import { sessionRoutes } from "@/lib/contract";
import { isSameOrigin } from "@/lib/auth/authenticate";
import { sessionSecret } from "@/lib/auth/secret";
import { clearedSessionCookie, encodeSession, sessionCookie } from "@/lib/auth/session";
import { principalForSecret } from "@/lib/auth/tokens";
import { forbidden, unauthorized } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sessionRoutes.getSession, async ({ principal }) =>
  json({ user: { name: principal.name, role: principal.role, tokenId: principal.tokenId } }),
);

export const POST = route(sessionRoutes.signIn, async ({ req, db, body }) => {
  // Refuse cross-site sign-in, which would plant the attacker's session in the victim's browser.
  if (!isSameOrigin(req)) throw forbidden("Cross-origin sign-in refused: the Origin header does not match this site.");
  const principal = await principalForSecret(db, body.token);
  if (!principal) throw unauthorized("That token is unknown or has been revoked.");
  const secure = new URL(req.url).protocol === "https:";
  const res = json({ user: { name: principal.name, role: principal.role, tokenId: principal.tokenId } });
  res.headers.append("set-cookie", sessionCookie(encodeSession(sessionSecret(config()), principal.tokenId), secure));
  return res;
});

export const DELETE = route(sessionRoutes.signOut, async () => {
  const res = json({ signedOut: true });
  res.headers.append("set-cookie", clearedSessionCookie);
  return res;
});

export const { PUT, PATCH } = methodsNotAllowed("GET", "POST", "DELETE");
