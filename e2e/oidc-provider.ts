/**
 * A real OpenID provider for the browser tests: `oidc-provider` (OpenID Certified) with its own
 * development login and consent pages, one confidential client (the app under test) and a few
 * people in different groups. Groups are released with the profile scope at the userinfo
 * endpoint, as many providers do, so the app's userinfo path is exercised too.
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { E2E_PORT, OIDC, OIDC_PORT } from "../playwright.config";

/** Who can sign in (any password): login name → claims. */
export const oidcPeople = {
  ada: { email: "ada@example.com", name: "Ada Admin", groups: ["lineage-admins", "staff"] },
  eddie: { email: "eddie@example.com", name: "Eddie Editor", groups: ["staff", "lineage-editors"] },
  vic: { email: "vic@example.com", name: "Vic Viewer", groups: ["staff"] },
  mo: { email: "mo@example.com", name: "Mo Marketing", groups: ["marketing"] },
} as const;

export type OidcLogin = keyof typeof oidcPeople;

export async function startOidcProvider(): Promise<() => Promise<void>> {
  const app = `http://127.0.0.1:${E2E_PORT}`;
  const provider = new Provider(OIDC.issuer, {
    clients: [
      {
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
        redirect_uris: [`${app}/api/session/oidc/callback`],
        post_logout_redirect_uris: [`${app}/signin`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    async findAccount(_ctx, id) {
      const person = oidcPeople[id as OidcLogin];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...person, groups: [...person.groups] }) };
    },
    cookies: { keys: ["e2e-only-oidc-provider-cookie-key"] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  const server: Server = provider.listen(OIDC_PORT);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
