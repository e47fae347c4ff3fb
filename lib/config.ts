import { z } from "zod";
import { parsePersonRole, parseRoleMap, type PersonRole, type RoleMap } from "./auth/role-map";

const flag = z.enum(["0", "1"]).transform((v) => v === "1");

// Refinements run after a failed URL check too: an unparseable URL is left to that check's message.
function isOriginOnly(v: string): boolean {
  const u = URL.parse(v);
  return !u || (u.pathname === "/" && !u.search && !u.hash);
}
function isHttpsOrLoopback(v: string): boolean {
  const u = URL.parse(v);
  return !u || u.protocol === "https:" || isLoopback(u.hostname);
}

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
  LINEAGE_EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  LINEAGE_EVENTS_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  LINEAGE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://lineage.example.com" })
    .refine(isOriginOnly, "must be an origin, without a path")
    .transform((v) => URL.parse(v)?.origin ?? v)
    .optional(),
  LINEAGE_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the provider's issuer URL (https://…)" })
    .refine(isHttpsOrLoopback, "must be https (http only on a loopback host)")
    .optional(),
  LINEAGE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  LINEAGE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LINEAGE_OIDC_NAME: z.string().trim().min(1).max(40, "must be at most 40 characters").optional(),
  LINEAGE_OIDC_ROLE_CLAIM: z.string().trim().min(1).max(100).optional(),
  LINEAGE_OIDC_ROLE_MAP: z.string().optional().transform((v, ctx) => {
    const parsed = parseRoleMap(v ?? "");
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: `${parsed.problem} (expected group:role,… with roles viewer, editor, admin)` });
    return parsed.ok ? parsed.map : new Map();
  }),
  LINEAGE_OIDC_DEFAULT_ROLE: z.string().optional().transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const role = parsePersonRole(v);
    if (!role) ctx.addIssue({ code: "custom", message: "must be viewer, editor or admin (unset refuses users with no mapped group)" });
    return role ?? undefined;
  }),
  NODE_ENV: z.string().optional(),
});

/** Plain http is for local development and tests only: on loopback addresses. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Single sign-on through an OpenID provider, when LINEAGE_OIDC_ISSUER is set. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button says "Sign in with <name>". */
  name: string;
  roleClaim: string;
  roleMap: RoleMap;
  defaultRole: PersonRole | undefined;
  /** `<public URL>/api/session/oidc/callback`, registered at the provider. */
  redirectUri: string;
  publicUrl: string;
};

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secret: string | undefined;
  adminToken: string | undefined;
  /** How often an idle event stream sends a heartbeat and re-checks its caller's access. */
  eventsHeartbeatMs: number;
  /** Open event streams one instance holds at most (each costs memory and a heartbeat check). */
  eventsMaxStreams: number;
  publicUrl: string | undefined;
  oidc: OidcConfig | undefined;
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
    publicUrl: e.LINEAGE_PUBLIC_URL,
    oidc: oidcConfig(e),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LINEAGE_DATA_DIR,
    demo: e.LINEAGE_DEMO ?? !e.DATABASE_URL,
    secret: e.LINEAGE_SECRET,
    adminToken: e.LINEAGE_ADMIN_TOKEN,
    eventsHeartbeatMs: e.LINEAGE_EVENTS_HEARTBEAT_MS,
    eventsMaxStreams: e.LINEAGE_EVENTS_MAX_STREAMS,
  };
}

function oidcConfig(e: z.output<typeof envSchema>): OidcConfig | undefined {
  if (!e.LINEAGE_OIDC_ISSUER) {
    const stray = (["LINEAGE_OIDC_CLIENT_ID", "LINEAGE_OIDC_CLIENT_SECRET"] as const).filter((k) => e[k]);
    if (stray.length) throw new ConfigError(`Invalid configuration:\n  LINEAGE_OIDC_ISSUER: required when ${stray.join(" and ")} is set`);
    return undefined;
  }
  const missing = (["LINEAGE_OIDC_CLIENT_ID", "LINEAGE_OIDC_CLIENT_SECRET", "LINEAGE_PUBLIC_URL"] as const).filter((k) => !e[k]);
  if (missing.length) {
    throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when LINEAGE_OIDC_ISSUER is set`).join("\n")}`);
  }
  return {
    issuer: e.LINEAGE_OIDC_ISSUER,
    clientId: e.LINEAGE_OIDC_CLIENT_ID!,
    clientSecret: e.LINEAGE_OIDC_CLIENT_SECRET!,
    name: e.LINEAGE_OIDC_NAME ?? "your identity provider",
    roleClaim: e.LINEAGE_OIDC_ROLE_CLAIM ?? "groups",
    roleMap: e.LINEAGE_OIDC_ROLE_MAP,
    defaultRole: e.LINEAGE_OIDC_DEFAULT_ROLE,
    redirectUri: `${e.LINEAGE_PUBLIC_URL}/api/session/oidc/callback`,
    publicUrl: e.LINEAGE_PUBLIC_URL!,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
