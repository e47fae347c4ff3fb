import { z } from "zod";
import { config } from "@/lib/config";
import { isSameOrigin } from "@/lib/auth/authenticate";
import { sessionSecret } from "@/lib/auth/secret";
import { clearedSessionCookie, encodeSession, sessionCookie } from "@/lib/auth/session";
import { principalForSecret } from "@/lib/auth/tokens";
import { forbidden, unauthorized } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

/** Who is signed in. */
export const GET = route({ access: "viewer" }, async ({ principal }) =>
  json({ user: { name: principal.name, role: principal.role, tokenId: principal.tokenId } }),
);

/** Sign in with a token: answers with an httpOnly, signed session cookie. */
export const POST = route(
  { access: "public", body: z.strictObject({ token: z.string().trim().min(1, "must not be empty").max(200) }) },
  async ({ req, db, body }) => {
    // Refuse cross-site sign-in, which would plant the attacker's session in the victim's browser.
    if (!isSameOrigin(req)) throw forbidden("Cross-origin sign-in refused: the Origin header does not match this site.");
    const principal = await principalForSecret(db, body.token);
    if (!principal) throw unauthorized("That token is unknown or has been revoked.");
    const secure = new URL(req.url).protocol === "https:";
    const res = json({ user: { name: principal.name, role: principal.role, tokenId: principal.tokenId } });
    res.headers.append("set-cookie", sessionCookie(encodeSession(sessionSecret(config()), principal.tokenId), secure));
    return res;
  },
);

export const DELETE = route({ access: "public" }, async () => {
  const res = json({ signedOut: true });
  res.headers.append("set-cookie", clearedSessionCookie);
  return res;
});

export const { PUT, PATCH } = methodsNotAllowed("GET", "POST", "DELETE");
