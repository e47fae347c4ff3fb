import crypto from "node:crypto";
import type { Config } from "../config";
import { ensureToken, hashSecret } from "../auth/tokens";
import { sessionSecret } from "../auth/secret";
import { seedDemo } from "../demo/seed";
import { snapshots } from "../db/schema";
import type { Db } from "./client";
import type { Role } from "../validation";

/** Start-up work after migrations: the bootstrap admin token, and the demo lineage and tokens. */
export async function prepareDatabase(db: Db, cfg: Config) {
  if (cfg.adminToken) {
    // The id follows the secret, so changing LINEAGE_ADMIN_TOKEN adds the new token.
    const id = `tok_admin_${hashSecret(cfg.adminToken).slice(0, 12)}`;
    await ensureToken(db, { id, name: "bootstrap-admin", role: "admin", secret: cfg.adminToken });
  }
  if (!cfg.demo) return;
  const [any] = await db.select({ id: snapshots.id }).from(snapshots).limit(1);
  if (!any) await seedDemo(db);
  for (const t of demoTokens(cfg)) await ensureToken(db, t);
}

const demoRoles: Role[] = ["editor", "viewer", "runtime", "admin"];

/** Demo tokens derive from the session secret: stable for one data folder, printed at every start. */
export function demoTokens(cfg: Config) {
  const secret = sessionSecret(cfg);
  return demoRoles.map((role) => ({
    id: `tok_demo_${role}`,
    name: `demo-${role}`,
    role,
    secret: `lin_demo_${role}_${crypto.createHmac("sha256", secret).update(`demo-${role}`).digest("base64url").slice(0, 24)}`,
  }));
}
