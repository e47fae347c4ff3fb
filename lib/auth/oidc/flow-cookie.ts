/**
 * What the browser carries from the start of a provider sign-in to its callback: state, nonce,
 * PKCE verifier and where to go afterwards, in a short-lived httpOnly cookie signed with the
 * session key (a forged or altered cookie is no flow at all). Only the callback path sees it.
 */
import crypto from "node:crypto";
import { readCookie } from "../cookies";

export const FLOW_COOKIE = "lineage_oidc";
const FLOW_PATH = "/api/session/oidc";
const FLOW_TTL_SECONDS = 10 * 60;

export type Flow = { state: string; nonce: string; verifier: string; next: string };

const sign = (key: string, data: string) => crypto.createHmac("sha256", key).update(`oidc-flow.${data}`).digest("base64url");

export function flowCookie(key: string, flow: Flow, secure: boolean, now = Date.now()): string {
  const data = Buffer.from(JSON.stringify({ ...flow, exp: Math.floor(now / 1000) + FLOW_TTL_SECONDS })).toString("base64url");
  return [`${FLOW_COOKIE}=${data}.${sign(key, data)}`, `Path=${FLOW_PATH}`, "HttpOnly", "SameSite=Lax", `Max-Age=${FLOW_TTL_SECONDS}`, ...(secure ? ["Secure"] : [])].join("; ");
}

export const clearedFlowCookie = `${FLOW_COOKIE}=; Path=${FLOW_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The flow a request's cookie carries, or null when it is missing, altered or expired. */
export function readFlow(key: string, cookieHeader: string | null, now = Date.now()): Flow | null {
  const value = readCookie(cookieHeader, FLOW_COOKIE);
  const [data, signature, extra] = value?.split(".") ?? [];
  if (!data || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, data));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const f = JSON.parse(Buffer.from(data, "base64url").toString()) as Partial<Flow & { exp: number }>;
    const fields = [f.state, f.nonce, f.verifier, f.next];
    if (!fields.every((v) => typeof v === "string") || typeof f.exp !== "number" || f.exp * 1000 <= now) return null;
    return { state: f.state!, nonce: f.nonce!, verifier: f.verifier!, next: f.next! };
  } catch {
    return null;
  }
}
