/** The identity provider as openid-client sees it: discovered once per process from LINEAGE_OIDC_ISSUER. */
import * as client from "openid-client";
import type { OidcConfig } from "../../config";

const holder = globalThis as unknown as { __lineageOidc?: Map<string, Promise<client.Configuration>> };

/** Discovery (metadata and JWKS location); a failure is not cached, so the next sign-in tries again. */
export function providerConfiguration(cfg: OidcConfig): Promise<client.Configuration> {
  const cache = (holder.__lineageOidc ??= new Map());
  const key = `${cfg.issuer} ${cfg.clientId}`;
  let found = cache.get(key);
  if (!found) {
    // Config validation allows http only for loopback issuers (local development and tests).
    const insecure = new URL(cfg.issuer).protocol === "http:";
    found = client.discovery(new URL(cfg.issuer), cfg.clientId, cfg.clientSecret, undefined, {
      timeout: 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** The provider's sign-out page for this ID token, coming back to /signin; null when it has none. */
export async function providerSignOutUrl(cfg: OidcConfig, idToken: string): Promise<string | null> {
  const configuration = await providerConfiguration(cfg);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: `${cfg.publicUrl}/signin` }).href;
}
