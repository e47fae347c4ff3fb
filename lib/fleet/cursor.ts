/**
 * The fleet list's opaque cursor: the (createdAt, id) key of the last row of a page, bound to the
 * snapshot and the filter set, signed with the app secret. A client can only hand back a cursor
 * the server made for this very walk; anything else is a 400 `invalid_cursor`.
 */
import crypto from "node:crypto";
import { config } from "../config";
import { sessionSecret } from "../auth/secret";
import { badRequest } from "../http/errors";

/** Where a walk stands: created_at in microseconds since the epoch (exact, as stored), then id. */
export type FleetKey = { createdUs: string; id: string };

const signingKey = () => crypto.createHmac("sha256", sessionSecret(config())).update("fleet-cursor").digest();
const sign = (payload: string) => crypto.createHmac("sha256", signingKey()).update(payload).digest("base64url");

export function encodeCursor(scope: string, key: FleetKey): string {
  const payload = Buffer.from(JSON.stringify([scope, key.createdUs, key.id])).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

const invalidCursor = () =>
  badRequest("invalid_cursor", "This cursor does not belong to this list: pass back pagination.next of the previous page, with the same filters.");

export function decodeCursor(scope: string, cursor: string): FleetKey {
  const [payload, signature, extra] = cursor.split(".");
  if (!payload || !signature || extra !== undefined) throw invalidCursor();
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw invalidCursor();
  const [cursorScope, createdUs, id] = JSON.parse(Buffer.from(payload, "base64url").toString()) as unknown[];
  if (cursorScope !== scope || typeof createdUs !== "string" || !/^-?\d{1,20}$/.test(createdUs) || typeof id !== "string") {
    throw invalidCursor();
  }
  return { createdUs, id };
}
