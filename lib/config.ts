import { z } from "zod";

const flag = z.enum(["0", "1"]).transform((v) => v === "1");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  LINEAGE_DATA_DIR: z.string().min(1).default(".data"),
  LINEAGE_DEMO: flag.optional(),
  LINEAGE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LINEAGE_ADMIN_TOKEN: z.string().min(20, "must be at least 20 characters").optional(),
  LINEAGE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://lineage.example.com" })
    .transform((u) => new URL(u).origin)
    .optional(),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secret: string | undefined;
  adminToken: string | undefined;
  /** The site's public origin (scheme://host[:port]); undefined → the scheme and Host a request came in on. */
  publicOrigin: string | undefined;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value is a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && e.NODE_ENV === "production" && !e.LINEAGE_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  LINEAGE_SECRET: required in production (NODE_ENV=production with DATABASE_URL)",
    );
  }
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LINEAGE_DATA_DIR,
    demo: e.LINEAGE_DEMO ?? !e.DATABASE_URL,
    secret: e.LINEAGE_SECRET,
    adminToken: e.LINEAGE_ADMIN_TOKEN,
    publicOrigin: e.LINEAGE_PUBLIC_URL,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
