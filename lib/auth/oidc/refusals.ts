/** Why a provider sign-in was refused: the reason travels to /signin/refused, which says what went wrong. */
export const refusals = {
  not_configured: {
    title: "Single sign-on is not set up",
    message: "This installation has no identity provider configured. Sign in with an API token instead.",
  },
  provider_unavailable: {
    title: "The identity provider did not answer",
    message: "Lineage could not reach the identity provider. Try again in a moment; if it persists, tell your admin.",
  },
  flow_expired: {
    title: "This sign-in has expired",
    message: "The sign-in took too long, or was started in another browser or tab. Start again from the sign-in page.",
  },
  state_mismatch: {
    title: "This sign-in could not be verified",
    message: "The answer from the identity provider does not belong to the sign-in this browser started, so it was not accepted. Start again.",
  },
  provider_refused: {
    title: "The identity provider refused the sign-in",
    message: "The identity provider did not sign you in (you may have declined, or it refused the request). Start again or ask your admin.",
  },
  token_rejected: {
    title: "The identity provider's answer was rejected",
    message:
      "The sign-in answer failed verification (a used or altered code, or an ID token for another sign-in), so it was not accepted. Start again.",
  },
  no_role: {
    title: "Your account has no access to Lineage",
    message: "You signed in, but none of your groups at the identity provider grants a Lineage role. Ask your admin to add you to one.",
  },
} as const;

export type RefusalReason = keyof typeof refusals;

export const isRefusalReason = (v: unknown): v is RefusalReason => typeof v === "string" && Object.hasOwn(refusals, v);

export const refusalPath = (reason: RefusalReason) => `/signin/refused?reason=${reason}`;
