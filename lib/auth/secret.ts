import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";

/** The signing key (provider sign-in flow cookie, demo tokens): LINEAGE_SECRET, else one generated once and kept in the data folder. */
export function sessionSecret(cfg: Config): string {
  if (cfg.secret) return cfg.secret;
  if (cfg.dataDir.startsWith("memory://")) return memorySecret;
  const file = path.join(cfg.dataDir, "secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // Another process wrote it first: use theirs.
    return fs.readFileSync(file, "utf8").trim();
  }
}

const memorySecret = crypto.randomBytes(32).toString("base64url");
