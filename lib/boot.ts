/**
 * Start-up wiring, in one place: opens the configured database (lib/db opens and migrates), then
 * prepares it under the migration lock: the bootstrap admin token, and on an embedded demo the
 * demo lineage and demo tokens. The server, the scripts and the tests all come through here, so
 * the database layer never reaches into the domain.
 */
import crypto from "node:crypto";
import { and, inArray, isNull, like, ne } from "drizzle-orm";
import { config, type Config } from "./config";
import { openDatabase, QUERY_TIMEOUT_MS, type Database, type Db, type OpenOptions } from "./db/client";
import { snapshots, tokens } from "./db/schema";
import { ensureToken, hashSecret } from "./auth/tokens";
import { sessionSecret } from "./auth/secret";
import { endTokenSessions } from "./auth/sessions";
import { recordAudit, type Actor } from "./audit";
import { seedDemo } from "./demo/seed";
import { roles, type Role } from "./contract/enums";

const startUp: Actor = { id: "system:start-up", name: "start-up", role: "admin", requestId: "start-up" };

/** The token LINEAGE_ADMIN_TOKEN stands for; its id follows the secret. */
const bootstrapAdminId = (secret: string) => `tok_admin_${hashSecret(secret).slice(0, 12)}`;

/**
 * LINEAGE_ADMIN_TOKEN is an admin token; only its current value is: a token it named before
 * is revoked (and audited) first, so rotating the variable and restarting retires the old one.
 */
async function bootstrapAdmin(db: Db, secret: string) {
  const id = bootstrapAdminId(secret);
  await db.transaction(async (tx) => {
    const replaced = await tx
      .update(tokens)
      .set({ revokedAt: new Date() })
      .where(and(like(tokens.id, "tok\\_admin\\_%"), ne(tokens.id, id), isNull(tokens.revokedAt)))
      .returning({ id: tokens.id });
    const endedSessions = await endTokenSessions(tx, replaced.map((t) => t.id));
    for (const old of replaced) {
      await recordAudit(tx, startUp, "token.revoke", { type: "token", id: old.id }, { reason: "LINEAGE_ADMIN_TOKEN was replaced", endedSessions });
    }
    await ensureToken(tx, { id, name: "bootstrap-admin", role: "admin", secret });
  });
}

/** Demo tokens derive from the session secret: stable for one data folder, printed at every start. */
export function demoTokens(cfg: Config): { id: string; name: string; role: Role; secret: string }[] {
  const secret = sessionSecret(cfg);
  return roles.map((role) => ({
    id: `tok_demo_${role}`,
    name: `demo-${role}`,
    role,
    secret: `lin_demo_${role}_${crypto.createHmac("sha256", secret).update(`demo-${role}`).digest("base64url").slice(0, 24)}`,
  }));
}

/** The demo tokens that still work (an admin may have revoked some): the ones worth printing. */
export async function liveDemoTokens(db: Db, cfg: Config) {
  const all = demoTokens(cfg);
  const live = await db
    .select({ id: tokens.id })
    .from(tokens)
    .where(and(inArray(tokens.id, all.map((t) => t.id)), isNull(tokens.revokedAt)));
  const liveIds = new Set(live.map((t) => t.id));
  return all.filter((t) => liveIds.has(t.id));
}

/** Start-up work after migrations: the bootstrap admin token, and the demo lineage and tokens. */
export async function prepareDatabase(db: Db, cfg: Config) {
  if (cfg.adminToken) await bootstrapAdmin(db, cfg.adminToken);
  if (!cfg.demo) return;
  const [any] = await db.select({ id: snapshots.id }).from(snapshots).limit(1);
  if (!any) await seedDemo(db);
  for (const t of demoTokens(cfg)) await ensureToken(db, t);
}

/** Opens, migrates and prepares the configured database. */
export function bootDatabase(cfg: Config = config(), opts: OpenOptions = {}): Promise<Database> {
  return openDatabase(cfg, { ...opts, afterMigrate: (db) => prepareDatabase(db, cfg) });
}

// One database per process, shared across route modules (and across hot reloads in dev).
const holder = globalThis as unknown as { __lineageDb?: Promise<Database> };

/** The server's database, opened and prepared on first use. */
export function getDatabase(): Promise<Database> {
  if (!holder.__lineageDb) {
    const opening = bootDatabase(config(), { queryTimeoutMillis: QUERY_TIMEOUT_MS });
    holder.__lineageDb = opening;
    // A failed open is not cached: the next request tries again.
    opening.catch(() => {
      if (holder.__lineageDb === opening) holder.__lineageDb = undefined;
    });
  }
  return holder.__lineageDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
