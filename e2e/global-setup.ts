import { startOidcProvider } from "./oidc-provider";

/** Starts the OpenID provider the single sign-on tests sign in through; stops it after the run. */
export default async function globalSetup() {
  return startOidcProvider();
}
