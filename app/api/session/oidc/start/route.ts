import { config } from "@/lib/config";
import { sessionRoutes } from "@/lib/contract";
import { safeReturnPath } from "@/lib/auth/page-session";
import { sessionSecret } from "@/lib/auth/secret";
import { refusalPath } from "@/lib/auth/oidc/refusals";
import { beginProviderSignIn } from "@/lib/auth/oidc/sign-in";
import { route } from "@/lib/http/route";
import { redirectTo } from "@/lib/http/redirect";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sessionRoutes.startProviderSignIn, async ({ query, requestId }) => {
  const cfg = config();
  if (!cfg.oidc) return redirectTo(refusalPath("not_configured"));
  try {
    const { url, cookie } = await beginProviderSignIn(cfg.oidc, sessionSecret(cfg), safeReturnPath(query.next));
    return redirectTo(url, [cookie]);
  } catch (err) {
    console.warn(`[${requestId}] identity provider discovery failed: ${err instanceof Error ? err.message : String(err)}`);
    return redirectTo(refusalPath("provider_unavailable"));
  }
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
