import { config } from "@/lib/config";
import { sessionRoutes } from "@/lib/contract";
import { sessionSecret } from "@/lib/auth/secret";
import { clearedFlowCookie } from "@/lib/auth/oidc/flow-cookie";
import { refusalPath } from "@/lib/auth/oidc/refusals";
import { completeProviderSignIn } from "@/lib/auth/oidc/sign-in";
import { route } from "@/lib/http/route";
import { redirectTo } from "@/lib/http/redirect";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sessionRoutes.providerCallback, async ({ req, db, requestId }) => {
  const cfg = config();
  if (!cfg.oidc) return redirectTo(refusalPath("not_configured"));
  // The flow cookie is single-use: cleared whatever the outcome.
  const outcome = await completeProviderSignIn(db, cfg.oidc, sessionSecret(cfg), req, requestId);
  return outcome.ok ? redirectTo(outcome.next, [outcome.cookie, clearedFlowCookie]) : redirectTo(refusalPath(outcome.reason), [clearedFlowCookie]);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
