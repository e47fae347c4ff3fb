import { sessionRoutes } from "@/lib/contract";
import { isSameOrigin } from "@/lib/auth/authenticate";
import { signInWithToken, signOut } from "@/lib/auth/sign-in";
import { forbidden } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sessionRoutes.getSession, async ({ principal }) =>
  json({ user: { id: principal.id, kind: principal.kind, name: principal.name, role: principal.role } }),
);

export const POST = route(sessionRoutes.signIn, async ({ req, db, body }) => {
  // Refuse cross-site sign-in, which would plant the attacker's session in the victim's browser.
  if (!isSameOrigin(req)) throw forbidden("Cross-origin sign-in refused: the Origin header does not match this site.");
  const { user, cookie } = await signInWithToken(db, body.token, new URL(req.url).protocol === "https:");
  const res = json({ user });
  res.headers.append("set-cookie", cookie);
  return res;
});

export const DELETE = route(sessionRoutes.signOut, async ({ req, db }) => {
  const { endSessionUrl, cookie } = await signOut(db, req);
  const res = json({ signedOut: true, endSessionUrl });
  res.headers.append("set-cookie", cookie);
  return res;
});

export const { PUT, PATCH } = methodsNotAllowed("GET", "POST", "DELETE");
