import crypto from "node:crypto";

// What a caller's X-Request-Id may be to be kept: short, and nothing a log or a page could misread.
const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's X-Request-Id when it is safe to store and echo, else a new one. */
export function requestIdFor(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given !== null && safeRequestId.test(given) ? given : crypto.randomUUID();
}
