/**
 * Server-side browser sessions. The cookie carries a random secret; the database keeps its hash,
 * the principal it stands for and when it ended, so signing out, revoking the token a session
 * came from, or an admin ending a user's sessions takes effect on the next request (and survives
 * restarts).
 */
import crypto from "node:crypto";
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { sessions, tokens, users } from "../db/schema";
import { newId } from "../ids";
import { SESSION_TTL_SECONDS } from "./cookies";
import { userDisplayName, type Principal } from "./principal";
import { hashSecret } from "./tokens";

export type SessionPrincipal = Principal & { sessionId: string };

// last_seen_at moves at most once a minute per session: a busy page is not a write per request.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/** Starts a session for a token or a user; answers the secret for the cookie (only its hash is stored). */
export async function startSession(
  db: Executor,
  principal: { tokenId: string } | { userId: string; idToken?: string },
  now = new Date(),
): Promise<{ id: string; secret: string }> {
  const secret = crypto.randomBytes(32).toString("base64url");
  const id = newId("ses");
  await db.insert(sessions).values({
    id,
    secretHash: hashSecret(secret),
    tokenId: "tokenId" in principal ? principal.tokenId : null,
    userId: "userId" in principal ? principal.userId : null,
    idToken: "idToken" in principal ? (principal.idToken ?? null) : null,
    expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
  });
  return { id, secret };
}

/** The principal behind a session secret: null when unknown, ended, expired, or its token revoked. */
export async function principalForSession(db: Executor, secret: string, now = new Date()): Promise<SessionPrincipal | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      token: { id: tokens.id, name: tokens.name, role: tokens.role },
      user: { id: users.id, subject: users.subject, email: users.email, name: users.name, role: users.role },
    })
    .from(sessions)
    .leftJoin(tokens, and(eq(tokens.id, sessions.tokenId), isNull(tokens.revokedAt)))
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.secretHash, hashSecret(secret)), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  const principal: Principal | null = row.token
    ? { kind: "token", ...row.token }
    : row.user
      ? { kind: "user", id: row.user.id, name: userDisplayName(row.user), role: row.user.role }
      : null;
  if (!principal) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) await markSeen(db, row.sessionId, row.user?.id, now);
  return { ...principal, sessionId: row.sessionId };
}

async function markSeen(db: Executor, sessionId: string, userId: string | undefined, now: Date) {
  const stale = new Date(now.getTime() - LAST_SEEN_GRANULARITY_MS);
  await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, stale)));
  if (userId) await db.update(users).set({ lastSeenAt: now }).where(and(eq(users.id, userId), lt(users.lastSeenAt, stale)));
}

/** Ends the session a cookie names; answers its provider ID token (for the provider's sign-out), if any. */
export async function endSessionBySecret(db: Executor, secret: string): Promise<{ idToken: string | null } | null> {
  const [row] = await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.secretHash, hashSecret(secret)), isNull(sessions.endedAt)))
    .returning({ idToken: sessions.idToken });
  return row ?? null;
}

/** Ends every live session that came from these tokens (they are being revoked); answers how many. */
export async function endTokenSessions(db: Executor, tokenIds: string[]): Promise<number> {
  if (!tokenIds.length) return 0;
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(inArray(sessions.tokenId, tokenIds), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Ends every live session of a provider user; answers how many. */
export async function endUserSessions(db: Executor, userId: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
