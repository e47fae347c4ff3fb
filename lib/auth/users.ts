/** People signed in through the identity provider: one row per (issuer, subject), role as of their last sign-in. */
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { sessions, users } from "../db/schema";
import { notFound } from "../http/errors";
import { newId } from "../ids";
import { recordAudit, type Actor } from "../audit";
import type { PersonRole } from "./role-map";
import { endUserSessions } from "./sessions";

export type ProviderIdentity = { issuer: string; subject: string; email: string | null; name: string | null };

/** Creates the user on first sign-in; afterwards refreshes email, name, role and last seen. */
export async function upsertUser(db: Executor, identity: ProviderIdentity, role: PersonRole) {
  const [row] = await db
    .insert(users)
    .values({ id: newId("usr"), ...identity, role })
    .onConflictDoUpdate({
      target: [users.issuer, users.subject],
      set: { email: identity.email, name: identity.name, role, lastSeenAt: sql`now()` },
    })
    .returning();
  return row!;
}

// The admin list is ordered by who (email, else subject), so a keyset on (sort key, id) pages it exactly.
const sortKey = sql<string>`coalesce(${users.email}, ${users.subject})`;
// Qualified by hand: inside a one-table select drizzle writes columns unqualified, and "id" would bind to s.id.
const activeSessions = sql<number>`(SELECT count(*) FROM ${sessions} s WHERE s.user_id = "users"."id" AND s.ended_at IS NULL AND s.expires_at > now())`.mapWith(Number);

const userColumns = {
  id: users.id,
  issuer: users.issuer,
  subject: users.subject,
  email: users.email,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
  lastSeenAt: users.lastSeenAt,
  activeSessions,
};

const view = <T extends { createdAt: Date; lastSeenAt: Date }>(u: T) => ({ ...u, createdAt: u.createdAt.toISOString(), lastSeenAt: u.lastSeenAt.toISOString() });

export async function listUsers(db: Db, opts: { limit: number; cursor?: string }) {
  let after = undefined;
  if (opts.cursor) {
    const [c] = await db.select({ key: sortKey, id: users.id }).from(users).where(eq(users.id, opts.cursor));
    if (!c) throw notFound("user_not_found", `No user ${opts.cursor}: the cursor is stale.`);
    after = or(gt(sortKey, c.key), and(eq(sortKey, c.key), gt(users.id, c.id)));
  }
  const rows = await db.select(userColumns).from(users).where(after).orderBy(asc(sortKey), asc(users.id)).limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return { users: page.map(view), pagination: { next: rows.length > opts.limit ? page[page.length - 1]!.id : null } };
}

/** Ends every session of a user at once (an admin's "end sessions"), audited. */
export async function endSessionsOfUser(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for("update");
    if (!found) throw notFound("user_not_found", `No user ${id}.`);
    const endedSessions = await endUserSessions(tx, id);
    await recordAudit(tx, actor, "user.end-sessions", { type: "user", id }, { endedSessions });
    const [user] = await tx.select(userColumns).from(users).where(eq(users.id, id));
    return { user: view(user!), endedSessions };
  });
}
