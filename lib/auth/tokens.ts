import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { tokens } from "../db/schema";
import { ApiError, notFound } from "../http/errors";
import { violates } from "../http/database-errors";
import { newId } from "../ids";
import { recordAudit, type Actor } from "../audit";
import type { Role } from "../contract/enums";
import type { Principal } from "./principal";
import { endTokenSessions } from "./sessions";

export const hashSecret = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");
const newSecret = () => `lin_${crypto.randomBytes(32).toString("base64url")}`;

export async function principalForSecret(db: Executor, secret: string): Promise<Principal | null> {
  const [row] = await db
    .select({ id: tokens.id, name: tokens.name, role: tokens.role })
    .from(tokens)
    .where(and(eq(tokens.secretHash, hashSecret(secret)), isNull(tokens.revokedAt)))
    .limit(1);
  return row ? { kind: "token", ...row } : null;
}

/** Stores a token under a fixed id and secret unless that id exists (revoked ones stay revoked). */
export async function ensureToken(db: Executor, t: { id: string; name: string; role: Role; secret: string }) {
  await db
    .insert(tokens)
    .values({ id: t.id, name: t.name, role: t.role, secretHash: hashSecret(t.secret) })
    .onConflictDoNothing({ target: tokens.id });
}

export async function createToken(db: Db, input: { role: Role; name: string }, actor: Actor) {
  const secret = newSecret();
  const id = newId("tok");
  try {
    await db.transaction(async (tx) => {
      await tx.insert(tokens).values({ id, name: input.name, role: input.role, secretHash: hashSecret(secret) });
      await recordAudit(tx, actor, "token.create", { type: "token", id }, { role: input.role, name: input.name });
    });
  } catch (err) {
    // Live names are unique (tokens_live_name_key), so a name in a list or the audit log means one token.
    if (violates(err, "tokens_live_name_key")) {
      throw new ApiError("token_name_taken", `A live token is already named "${input.name}"; pick another name or revoke that token first.`);
    }
    throw err;
  }
  return { token: secret, id, role: input.role, name: input.name };
}

export async function revokeToken(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(tokens.id, id), isNull(tokens.revokedAt)))
      .returning({ id: tokens.id, name: tokens.name, role: tokens.role, revokedAt: tokens.revokedAt });
    if (!row) throw notFound("token_not_found", `No active token ${id}.`);
    const endedSessions = await endTokenSessions(tx, [id]);
    await recordAudit(tx, actor, "token.revoke", { type: "token", id }, { endedSessions });
    return { id: row.id, name: row.name, role: row.role, revokedAt: row.revokedAt!.toISOString() };
  });
}

export async function listTokens(db: Db) {
  const list = await db
    .select({ id: tokens.id, name: tokens.name, role: tokens.role, createdAt: tokens.createdAt, revokedAt: tokens.revokedAt })
    .from(tokens)
    .orderBy(tokens.createdAt);
  return list.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null }));
}
