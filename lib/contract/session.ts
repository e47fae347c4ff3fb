import { z } from "zod";
import { defineRoutes } from "./registry";
import { user } from "./views";

export const sessionRoutes = defineRoutes({
  getSession: {
    method: "GET",
    path: "/api/session",
    summary: "Who is signed in",
    access: "viewer",
    responses: { 200: z.strictObject({ user }) },
    errors: [],
  },
  signIn: {
    method: "POST",
    path: "/api/session",
    summary: "Sign in with a token: answers with an httpOnly session cookie naming a server-side session",
    description: "Refused unless the Origin header matches the site.",
    access: "public",
    body: z.strictObject({ token: z.string().trim().min(1, "must not be empty").max(200) }),
    responses: { 200: z.strictObject({ user }) },
    errors: [],
  },
  signOut: {
    method: "DELETE",
    path: "/api/session",
    summary: "Sign out: ends the session at once and clears its cookie",
    description:
      "A session from the identity provider answers the provider's sign-out page in `endSessionUrl` (when it has one); the browser goes there next.",
    access: "public",
    responses: { 200: z.strictObject({ signedOut: z.literal(true), endSessionUrl: z.url().nullable() }) },
    errors: [],
  },
  startProviderSignIn: {
    method: "GET",
    path: "/api/session/oidc/start",
    summary: "Sign in through the identity provider: redirects there (authorization code with PKCE, state and nonce)",
    access: "public",
    query: z.strictObject({ next: z.string().max(2000).optional().describe("A path on this site to return to after signing in.") }),
    responses: {},
    redirects: {
      302: "To the provider's authorization endpoint, with a short-lived flow cookie; to /signin/refused?reason=… when single sign-on is not configured or the provider does not answer.",
    },
    errors: [],
  },
  providerCallback: {
    method: "GET",
    path: "/api/session/oidc/callback",
    summary: "Where the identity provider returns: verifies the answer, starts a session and redirects on",
    description: `Register \`<LINEAGE_PUBLIC_URL>/api/session/oidc/callback\` as the redirect URI at the provider.`,
    access: "public",
    query: z.strictObject({
      code: z.string().max(4000).optional(),
      state: z.string().max(1000).optional(),
      iss: z.string().max(2000).optional(),
      session_state: z.string().max(2000).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(2000).optional(),
      error_uri: z.string().max(2000).optional(),
    }),
    responses: {},
    redirects: {
      302: "Signed in: to the page the sign-in started from, with the session cookie. Refused: to /signin/refused?reason=… (flow_expired, state_mismatch, provider_refused, token_rejected, no_role, provider_unavailable, not_configured).",
    },
    errors: [],
  },
});
