import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { tokens } from "../db/schema";
import { notFound } from "../http/errors";
import { newId } from "../ids";
import { recordAudit, type Actor } from "../audit";
import type { Role } from "../contract/enums";

export type Principal = { tokenId: string; name: string; role: Role };

export const hashSecret = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");
const newSecret = () => `lin_${crypto.randomBytes(32).toString("base64url")}`;

export async function principalForSecret(db: Executor, secret: string): Promise<Principal | null> {
  const [row] = await db
    .select({ tokenId: tokens.id, name: tokens.name, role: tokens.role })
    .from(tokens)
    .where(and(eq(tokens.secretHash, hashSecret(secret)), isNull(tokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function principalForTokenId(db: Executor, id: string): Promise<Principal | null> {
  const [row] = await db
    .select({ tokenId: tokens.id, name: tokens.name, role: tokens.role })
    .from(tokens)
    .where(and(eq(tokens.id, id), isNull(tokens.revokedAt)))
    .limit(1);
  return row ?? null;
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
  await db.transaction(async (tx) => {
    await tx.insert(tokens).values({ id, name: input.name, role: input.role, secretHash: hashSecret(secret) });
    await recordAudit(tx, actor, "token.create", { type: "token", id }, { role: input.role, name: input.name });
  });
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
    await recordAudit(tx, actor, "token.revoke", { type: "token", id }, {});
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
