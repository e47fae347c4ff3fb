import crypto from "node:crypto";

export const SESSION_COOKIE = "lineage_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

type SessionPayload = { tokenId: string; exp: number };

const sign = (secret: string, data: string) => crypto.createHmac("sha256", secret).update(data).digest("base64url");

/** `payload.signature`, both base64url: the payload names the token, so revoking it ends the session. */
export function encodeSession(secret: string, tokenId: string, now = Date.now()): string {
  const payload: SessionPayload = { tokenId, exp: Math.floor(now / 1000) + SESSION_TTL_SECONDS };
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${sign(secret, data)}`;
}

export function decodeSession(secret: string, value: string, now = Date.now()): SessionPayload | null {
  const [data, signature, extra] = value.split(".");
  if (!data || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, data));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(data, "base64url").toString()) as Partial<SessionPayload>;
    if (typeof payload.tokenId !== "string" || typeof payload.exp !== "number") return null;
    return payload.exp * 1000 > now ? { tokenId: payload.tokenId, exp: payload.exp } : null;
  } catch {
    return null;
  }
}

export function sessionCookie(value: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${SESSION_TTL_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

export function readCookie(header: string | null, cookieName: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === cookieName) return part.slice(eq + 1).trim();
  }
  return undefined;
}
