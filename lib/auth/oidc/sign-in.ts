/**
 * Sign-in through the identity provider: authorization code with PKCE, state and nonce
 * (openid-client verifies the ID token's issuer, audience, signature, expiry and nonce), then the
 * role from the configured claim, the user upserted and a server-side session started.
 */
import crypto from "node:crypto";
import * as client from "openid-client";
import type { OidcConfig } from "../../config";
import type { Db } from "../../db/client";
import { recordAudit } from "../../audit";
import { sessionCookie } from "../cookies";
import { userDisplayName } from "../principal";
import { roleForClaim } from "../role-map";
import { startSession } from "../sessions";
import { upsertUser } from "../users";
import { flowCookie, readFlow } from "./flow-cookie";
import { providerConfiguration } from "./provider";
import type { RefusalReason } from "./refusals";

const SCOPE = "openid email profile";

/** Where to send the browser to sign in, and the flow cookie that must come back with it. */
export async function beginProviderSignIn(cfg: OidcConfig, key: string, next: string): Promise<{ url: string; cookie: string }> {
  const configuration = await providerConfiguration(cfg);
  const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: cfg.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, cookie: flowCookie(key, flow, cfg.publicUrl.startsWith("https:")) };
}

export type CallbackOutcome = { ok: true; next: string; cookie: string } | { ok: false; reason: RefusalReason };

/** Completes a sign-in from the provider's redirect; every failure is a reason, never an exception. */
export async function completeProviderSignIn(db: Db, cfg: OidcConfig, key: string, req: Request, requestId: string): Promise<CallbackOutcome> {
  const flow = readFlow(key, req.headers.get("cookie"));
  if (!flow) return { ok: false, reason: "flow_expired" };
  const given = new URL(req.url).searchParams;
  if (given.get("state") === null || !sameString(given.get("state")!, flow.state)) return { ok: false, reason: "state_mismatch" };
  if (given.has("error")) return { ok: false, reason: "provider_refused" };

  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(cfg);
  } catch {
    return { ok: false, reason: "provider_unavailable" };
  }
  // The redirect URI the provider knows, with the answer's parameters (behind a proxy req.url may differ).
  const currentUrl = new URL(`${cfg.redirectUri}?${given}`);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    console.warn(`[${requestId}] provider sign-in refused: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false, reason: "token_rejected" };
  }
  const idClaims = tokens.claims()!;
  let claims: Record<string, unknown>;
  try {
    claims = await withUserInfo(configuration, tokens.access_token, idClaims, cfg.roleClaim);
  } catch {
    return { ok: false, reason: "provider_unavailable" };
  }
  const role = roleForClaim(claims[cfg.roleClaim], cfg.roleMap, cfg.defaultRole);
  if (!role) return { ok: false, reason: "no_role" };

  const identity = {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    email: typeof claims.email === "string" ? claims.email : null,
    name: typeof claims.name === "string" ? claims.name : null,
  };
  const secret = await db.transaction(async (tx) => {
    const user = await upsertUser(tx, identity, role);
    const session = await startSession(tx, { userId: user.id, idToken: tokens.id_token });
    const actor = { id: user.id, name: userDisplayName(user), role, requestId };
    await recordAudit(tx, actor, "user.sign-in", { type: "user", id: user.id }, { subject: user.subject, email: user.email, role });
    return session.secret;
  });
  return { ok: true, next: flow.next, cookie: sessionCookie(secret, cfg.publicUrl.startsWith("https:")) };
}

/** Providers often release group claims at the userinfo endpoint only: ask it when the ID token lacks the claim. */
async function withUserInfo(configuration: client.Configuration, accessToken: string, claims: client.IDToken, roleClaim: string) {
  if (roleClaim in claims && "email" in claims) return claims as Record<string, unknown>;
  if (!configuration.serverMetadata().userinfo_endpoint) return claims as Record<string, unknown>;
  const info = await client.fetchUserInfo(configuration, accessToken, claims.sub);
  return { ...info, ...claims } as Record<string, unknown>;
}

const sameString = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};
