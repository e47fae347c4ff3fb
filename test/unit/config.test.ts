import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";

test("defaults: port 3000, embedded .data, demo on", () => {
  expect(loadConfig({})).toEqual({ port: 3000, databaseUrl: undefined, dataDir: ".data", demo: true, secret: undefined, adminToken: undefined, eventsHeartbeatMs: 15_000, eventsMaxStreams: 1_000 });
});

test("DATABASE_URL turns the demo off unless asked for", () => {
  expect(loadConfig({ DATABASE_URL: "postgres://h/db" }).demo).toBe(false);
  expect(loadConfig({ DATABASE_URL: "postgres://h/db", LINEAGE_DEMO: "1" }).demo).toBe(true);
});

test.each([
  [{ PORT: "eighty" }, "PORT"],
  [{ PORT: "70000" }, "PORT"],
  [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
  [{ LINEAGE_DEMO: "yes" }, "LINEAGE_DEMO"],
  [{ LINEAGE_SECRET: "short" }, "LINEAGE_SECRET"],
  [{ LINEAGE_ADMIN_TOKEN: "short" }, "LINEAGE_ADMIN_TOKEN"],
])("a bad value stops start-up naming the variable: %j", (env, name) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(name);
});

test("production with PostgreSQL refuses to start without LINEAGE_SECRET", () => {
  expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db" })).toThrow(/LINEAGE_SECRET: required in production/);
  expect(loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db", LINEAGE_SECRET: "x".repeat(32) }).secret).toBe("x".repeat(32));
});

describe("single sign-on", () => {
  const sso = {
    LINEAGE_OIDC_ISSUER: "https://idp.example.com/realms/corp",
    LINEAGE_OIDC_CLIENT_ID: "lineage",
    LINEAGE_OIDC_CLIENT_SECRET: "s3cret",
    LINEAGE_PUBLIC_URL: "https://lineage.example.com",
  };

  test("off unless LINEAGE_OIDC_ISSUER is set", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  test("defaults: claim groups, no map, refuse unmapped users; redirect URI under the public URL", () => {
    const oidc = loadConfig(sso).oidc!;
    expect(oidc).toMatchObject({ issuer: sso.LINEAGE_OIDC_ISSUER, roleClaim: "groups", defaultRole: undefined, name: "your identity provider" });
    expect(oidc.roleMap.size).toBe(0);
    expect(oidc.redirectUri).toBe("https://lineage.example.com/api/session/oidc/callback");
  });

  test("reads the role map, default role, claim and button label", () => {
    const oidc = loadConfig({ ...sso, LINEAGE_OIDC_ROLE_MAP: "eng:editor,ops:admin", LINEAGE_OIDC_DEFAULT_ROLE: "viewer", LINEAGE_OIDC_ROLE_CLAIM: "roles", LINEAGE_OIDC_NAME: "Okta" }).oidc!;
    expect([...oidc.roleMap]).toEqual([["eng", "editor"], ["ops", "admin"]]);
    expect(oidc).toMatchObject({ defaultRole: "viewer", roleClaim: "roles", name: "Okta" });
  });

  test("http issuers only on loopback hosts", () => {
    for (const issuer of ["http://127.0.0.1:3227", "http://localhost:8080/realms/x", "http://[::1]:9000"]) {
      expect(loadConfig({ ...sso, LINEAGE_OIDC_ISSUER: issuer }).oidc!.issuer).toBe(issuer);
    }
    expect(() => loadConfig({ ...sso, LINEAGE_OIDC_ISSUER: "http://idp.example.com" })).toThrow(/LINEAGE_OIDC_ISSUER: must be https/);
  });

  test.each([
    [{ LINEAGE_OIDC_ISSUER: "not a url" }, "LINEAGE_OIDC_ISSUER"],
    [{ LINEAGE_OIDC_ISSUER: "ftp://idp.example.com" }, "LINEAGE_OIDC_ISSUER"],
    [{ LINEAGE_OIDC_ROLE_MAP: "eng=editor" }, "LINEAGE_OIDC_ROLE_MAP"],
    [{ LINEAGE_OIDC_ROLE_MAP: "eng:superuser" }, "LINEAGE_OIDC_ROLE_MAP"],
    [{ LINEAGE_OIDC_DEFAULT_ROLE: "runtime" }, "LINEAGE_OIDC_DEFAULT_ROLE"],
    [{ LINEAGE_OIDC_CLIENT_ID: undefined }, "LINEAGE_OIDC_CLIENT_ID: required"],
    [{ LINEAGE_OIDC_CLIENT_SECRET: undefined }, "LINEAGE_OIDC_CLIENT_SECRET: required"],
    [{ LINEAGE_PUBLIC_URL: undefined }, "LINEAGE_PUBLIC_URL: required"],
    [{ LINEAGE_PUBLIC_URL: "https://lineage.example.com/app" }, "LINEAGE_PUBLIC_URL"],
  ])("a bad setting stops start-up naming it: %j", (change, name) => {
    const env = { ...sso, ...change };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  test("client settings without an issuer are a mistake, not silently ignored", () => {
    expect(() => loadConfig({ LINEAGE_OIDC_CLIENT_ID: "x" })).toThrow(/LINEAGE_OIDC_ISSUER: required when LINEAGE_OIDC_CLIENT_ID is set/);
  });
});
