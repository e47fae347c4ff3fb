import { desc, eq, getTableColumns, lt } from "drizzle-orm";
import type { Db, Executor } from "./db/client";
import { auditEvents, users } from "./db/schema";
import type { Role } from "./contract/enums";

/** Who performs a write: recorded with it in the audit log, by id (a token or user) and by name. */
export type Actor = { id: string; name: string; role: Role; requestId: string };

export async function recordAudit(
  db: Executor,
  actor: Actor,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown>,
) {
  await db.insert(auditEvents).values({
    actorId: actor.id,
    actor: actor.name,
    actorRole: actor.role,
    action,
    targetType: target.type,
    targetId: target.id,
    details: JSON.stringify(details),
    requestId: actor.requestId,
  });
}

/**
 * Newest first; `before` is the id of the last event of the previous page. An event by a provider
 * user names them by the provider's subject and email too.
 */
export async function listAudit(db: Db, opts: { limit: number; before?: number }) {
  const list = await db
    .select({ ...getTableColumns(auditEvents), user: { subject: users.subject, email: users.email } })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(opts.before === undefined ? undefined : lt(auditEvents.id, opts.before))
    .orderBy(desc(auditEvents.id))
    .limit(opts.limit + 1);
  const page = list.slice(0, opts.limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      actorId: e.actorId,
      actor: e.actor,
      actorRole: e.actorRole,
      actorUser: e.user,
      action: e.action,
      target: { type: e.targetType, id: e.targetId },
      details: JSON.parse(e.details) as unknown,
      requestId: e.requestId,
      createdAt: e.createdAt.toISOString(),
    })),
    pagination: { next: list.length > opts.limit ? String(page[page.length - 1]!.id) : null },
  };
}
