import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { count } from "drizzle-orm";
import { getDb } from "@/lib/boot";
import { isMethodNotAllowedHandler } from "@/lib/http/methods";
import { auditEvents, tokens } from "@/lib/db/schema";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample } from "../helpers/scenario";

type Role = "viewer" | "editor" | "runtime" | "admin";
type Access = "public" | "viewer" | "editor" | "runtime" | "admin";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
});
afterAll(() => app.close());

/**
 * Every route and method, with the access it must declare and a request to try it with.
 * A route added without an entry here fails the first test.
 */
const routes: { key: string; access: Access; path: string; body?: unknown }[] = [
  { key: "GET snapshots/tree", access: "viewer", path: "/api/snapshots/tree?snapshotId=my-env" },
  { key: "GET snapshots/[ref]", access: "viewer", path: "/api/snapshots/my-env" },
  { key: "GET snapshots/[ref]/ancestor", access: "viewer", path: "/api/snapshots/my-env/ancestor?depth=0" },
  { key: "PUT snapshots/[ref]", access: "runtime", path: "/api/snapshots/snap_acl", body: { status: "created", sizeBytes: 1 } },
  { key: "GET snapshots/[ref]/patches", access: "viewer", path: "/api/snapshots/my-env/patches" },
  { key: "GET snapshots/[ref]/sandboxes", access: "viewer", path: "/api/snapshots/my-env/sandboxes" },
  { key: "POST snapshots/[ref]/patches", access: "editor", path: "/api/snapshots/my-env/patches", body: { script: "echo acl" } },
  { key: "DELETE snapshots/[ref]/patches/[patchId]", access: "editor", path: "/api/snapshots/my-env/patches/pat_missing" },
  { key: "GET sandboxes", access: "viewer", path: "/api/sandboxes" },
  { key: "GET sandboxes/[ref]", access: "viewer", path: "/api/sandboxes/sb-1" },
  { key: "PUT sandboxes/[ref]", access: "runtime", path: "/api/sandboxes/sbx_acl", body: { status: "running" } },
  { key: "GET sandboxes/[ref]/patches", access: "viewer", path: "/api/sandboxes/sb-1/patches" },
  { key: "GET sandboxes/[ref]/pending-patches", access: "runtime", path: "/api/sandboxes/sbx_sb1/pending-patches" },
  { key: "POST sandboxes/[ref]/patch-results", access: "runtime", path: "/api/sandboxes/sbx_sb1/patch-results", body: { patchId: "pat_missing", status: "applied" } },
  { key: "GET search", access: "viewer", path: "/api/search?q=sb" },
  { key: "GET tokens", access: "admin", path: "/api/tokens" },
  { key: "POST tokens", access: "admin", path: "/api/tokens", body: { role: "viewer", name: "acl" } },
  { key: "DELETE tokens/[id]", access: "admin", path: "/api/tokens/tok_missing" },
  { key: "GET audit", access: "admin", path: "/api/audit" },
  { key: "GET users", access: "admin", path: "/api/users" },
  { key: "DELETE users/[id]/sessions", access: "admin", path: "/api/users/usr_missing/sessions" },
  { key: "GET session", access: "viewer", path: "/api/session" },
  // A stream never ends: the request names a missing snapshot so the roles let through get a 404.
  { key: "GET events", access: "viewer", path: "/api/events?snapshot=snap_missing" },
  { key: "POST session", access: "public", path: "/api/session" },
  { key: "DELETE session", access: "public", path: "/api/session" },
  { key: "GET session/oidc/start", access: "public", path: "/api/session/oidc/start" },
  { key: "GET session/oidc/callback", access: "public", path: "/api/session/oidc/callback" },
  { key: "GET health", access: "public", path: "/api/health" },
  { key: "GET openapi.json", access: "public", path: "/api/openapi.json" },
  // OpenComputer's and Vercel's clients (errors on the OpenComputer routes are `{"error": "<message>"}`).
  { key: "GET sandboxes/checkpoints/[checkpointId]/patches", access: "viewer", path: "/api/sandboxes/checkpoints/my-env/patches" },
  { key: "POST sandboxes/checkpoints/[checkpointId]/patches", access: "editor", path: "/api/sandboxes/checkpoints/my-env/patches", body: { script: "echo acl" } },
  { key: "DELETE sandboxes/checkpoints/[checkpointId]/patches/[patchId]", access: "editor", path: "/api/sandboxes/checkpoints/my-env/patches/pat_missing" },
  { key: "GET v2/sandboxes/snapshots/tree", access: "viewer", path: "/api/v2/sandboxes/snapshots/tree?snapshotId=my-env&teamId=team_x&project=prj_x" },
  { key: "GET v2/sandboxes/snapshots/[snapshotId]", access: "viewer", path: "/api/v2/sandboxes/snapshots/my-env?teamId=team_x" },
  { key: "GET v2/sandboxes/[name]", access: "viewer", path: "/api/v2/sandboxes/sb-1?teamId=team_x&projectId=prj_x&resume=false" },
];

/** The error in the route's shape: Lineage's code, or on the OpenComputer routes a bare message. */
const expectError = (path: string, body: { error: unknown }, code: string) => {
  if (path.startsWith("/api/sandboxes/checkpoints/")) expect(body).toEqual({ error: expect.stringMatching(/\S/) });
  else expect((body.error as { code: string }).code).toBe(code);
};

const grants: Record<Exclude<Access, "public">, Role[]> = {
  viewer: ["viewer", "editor", "runtime", "admin"],
  editor: ["editor", "admin"],
  runtime: ["runtime", "admin"],
  admin: ["admin"],
};

test("every route declares its access, and it is the one listed here", async () => {
  const declared: Record<string, string | undefined> = {};
  for (const entry of app.routes) {
    if (entry.catchAll) continue; // the unknown-path 404 answers everyone alike
    const mod = await entry.load();
    const dir = entry.file.replace(/\/?route\.ts$/, "");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const handler = mod[method];
      if (handler && !isMethodNotAllowedHandler(handler)) declared[`${method} ${dir}`] = handler.access;
    }
  }
  expect(declared).toEqual(Object.fromEntries(routes.map((r) => [r.key, r.access])));
});

describe.each(routes.filter((r) => r.access !== "public"))("$key", (r) => {
  const method = r.key.split(" ")[0]!;
  const send = (token: string | null) => app.call(method, r.path, { token, body: r.body });

  test("no credentials → 401", async () => {
    const res = await send(null);
    expect(res.status).toBe(401);
    expectError(r.path, res.body, "unauthorized");
  });

  test("an unknown token → 401", async () => {
    expect((await send("lin_not_a_real_token")).status).toBe(401);
  });

  test("wrong roles → 403, right roles → through", async () => {
    for (const role of ["viewer", "editor", "runtime", "admin"] as const) {
      const res = await send(app.tokens[role]);
      if (grants[r.access as Exclude<Access, "public">].includes(role)) {
        expect([401, 403], `${role} should pass`).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      } else {
        expect(res.status, `${role} should be refused`).toBe(403);
        expectError(r.path, res.body, "forbidden");
      }
    }
  });
});

test("a method a route lacks is a 405 in the error shape, naming the allowed ones", async () => {
  const res = await app.call("PATCH", "/api/snapshots/my-env/patches");
  expect(res.status).toBe(405);
  expect(res.body.error.code).toBe("method_not_allowed");
  expect(res.headers.get("allow")).toBe("GET, POST, HEAD");
  expect((await app.call("DELETE", "/api/snapshots/tree?snapshotId=my-env")).status).toBe(405);
});

describe("tokens", () => {
  test("are shown once, stored hashed, and stop working when revoked", async () => {
    const created = await app.call("POST", "/api/tokens", { body: { role: "editor", name: "ci-bot" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "editor", name: "ci-bot" });
    const { token, id } = created.body;
    expect(token).toMatch(/^lin_/);

    const db = await getDb();
    const stored = await db.select().from(tokens);
    expect(stored.some((t) => t.secretHash === token || JSON.stringify(t).includes(token))).toBe(false);
    const listed = await app.call("GET", "/api/tokens");
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.tokens.find((t: { id: string }) => t.id === id)).toMatchObject({ role: "editor", revokedAt: null });

    expect((await app.call("GET", "/api/session", { token })).body.user).toMatchObject({ name: "ci-bot", role: "editor" });
    expect((await app.call("DELETE", `/api/tokens/${id}`)).status).toBe(200);
    expect((await app.call("GET", "/api/session", { token })).status).toBe(401);
    expect((await app.call("POST", "/api/snapshots/my-env/patches", { token, body: { script: "x" } })).status).toBe(401);
    expect((await app.call("DELETE", `/api/tokens/${id}`)).status).toBe(404);
  });

  test("bad token requests are 400s", async () => {
    expect((await app.call("POST", "/api/tokens", { body: { role: "root", name: "x" } })).status).toBe(400);
    expect((await app.call("POST", "/api/tokens", { body: { role: "viewer" } })).status).toBe(400);
    expect((await app.call("DELETE", "/api/tokens/nope")).status).toBe(400);
  });

  test("a malformed Authorization header is a 401, not a fallback to the cookie", async () => {
    const res = await app.call("GET", "/api/sandboxes", { token: null, headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
  });
});

describe("browser sessions", () => {
  const origin = "http://localhost:3000";

  async function signIn(token: string) {
    const res = await app.call("POST", "/api/session", { token: null, body: { token }, headers: { origin } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=\d+/);
    return cookie.split(";")[0]!;
  }

  test("sign-in sets a session cookie that authenticates reads and same-origin writes", async () => {
    const cookie = await signIn(app.tokens.editor);
    const me = await app.call("GET", "/api/session", { token: null, headers: { cookie } });
    expect(me.body.user).toMatchObject({ role: "editor", name: "test-editor" });
    const write = await app.call("POST", "/api/snapshots/my-env/patches", { token: null, body: { script: "cookie" }, headers: { cookie, origin } });
    expect(write.status).toBe(201);
  });

  test("cookie writes from another origin, or without Origin, are refused and change nothing", async () => {
    const cookie = await signIn(app.tokens.editor);
    const before = (await app.call("GET", "/api/snapshots/my-env/patches")).body.patches.length;
    const attempts: Record<string, string>[] = [{ cookie, origin: "https://evil.example" }, { cookie }];
    for (const headers of attempts) {
      const res = await app.call("POST", "/api/snapshots/my-env/patches", { token: null, body: { script: "csrf" }, headers });
      expect(res.status).toBe(403);
    }
    expect((await app.call("GET", "/api/snapshots/my-env/patches")).body.patches.length).toBe(before);
  });

  test("cross-origin sign-in, bad tokens and tampered cookies are refused", async () => {
    expect((await app.call("POST", "/api/session", { token: null, body: { token: app.tokens.viewer }, headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await app.call("POST", "/api/session", { token: null, body: { token: "lin_wrong" }, headers: { origin } })).status).toBe(401);
    const cookie = await signIn(app.tokens.viewer);
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await app.call("GET", "/api/session", { token: null, headers: { cookie: tampered } })).status).toBe(401);
  });

  test("a viewer's session can read but not write", async () => {
    const cookie = await signIn(app.tokens.viewer);
    expect((await app.call("GET", "/api/sandboxes", { token: null, headers: { cookie } })).status).toBe(200);
    const res = await app.call("POST", "/api/snapshots/my-env/patches", { token: null, body: { script: "x" }, headers: { cookie, origin } });
    expect(res.status).toBe(403);
  });

  test("sign-out clears the cookie", async () => {
    const res = await app.call("DELETE", "/api/session", { token: null, headers: { origin } });
    expect(res.headers.get("set-cookie")).toMatch(/lineage_session=;.*Max-Age=0/);
  });
});

describe("audit log", () => {
  const auditCount = async () => (await (await getDb()).select({ n: count() }).from(auditEvents))[0]!.n;

  test("every write leaves exactly one audit event", async () => {
    const rt = app.tokens.runtime;
    const writes: [string, string, unknown, string][] = [
      ["PUT", "/api/snapshots/snap_aud", { status: "created", sizeBytes: 1, name: "aud" }, rt],
      ["PUT", "/api/sandboxes/sbx_aud", { status: "running", basedOnSnapshotId: "snap_aud" }, rt],
      ["PUT", "/api/sandboxes/sbx_aud", { status: "stopped" }, rt],
      ["POST", "/api/snapshots/aud/patches", { script: "echo audited" }, app.tokens.editor],
    ];
    for (const [method, path, body, token] of writes) {
      const before = await auditCount();
      expect((await app.call(method, path, { token, body })).status).toBeLessThan(300);
      expect(await auditCount(), `${method} ${path}`).toBe(before + 1);
    }
    const patchId = (await app.call("GET", "/api/snapshots/aud/patches")).body.patches[0].id;
    let before = await auditCount();
    await app.call("POST", "/api/sandboxes/sbx_aud/patch-results", { token: rt, body: { patchId, status: "failed", output: "no" } });
    await app.call("DELETE", `/api/snapshots/aud/patches/${patchId}`, { token: app.tokens.editor });
    const tok = await app.call("POST", "/api/tokens", { body: { role: "viewer", name: "audited" } });
    await app.call("DELETE", `/api/tokens/${tok.body.id}`);
    expect(await auditCount()).toBe(before + 4);

    // Refused writes leave nothing.
    before = await auditCount();
    await app.call("DELETE", `/api/snapshots/aud/patches/${patchId}`, { token: app.tokens.editor });
    await app.call("POST", "/api/snapshots/aud/patches", { token: app.tokens.viewer, body: { script: "x" } });
    await app.call("PUT", "/api/sandboxes/sbx_aud", { token: rt, body: { status: "bogus" } });
    expect(await auditCount()).toBe(before);
  });

  test("admins read it newest first, paginated, with who, role, action, target and request id", async () => {
    await app.call("POST", "/api/snapshots/my-env/patches", { token: app.tokens.editor, body: { script: "audit me" }, headers: { "x-request-id": "req-audit-1" } });
    const page = await app.call("GET", "/api/audit?limit=2");
    expect(page.status).toBe(200);
    expect(page.body.events).toHaveLength(2);
    expect(page.body.events[0]).toMatchObject({
      actor: "test-editor",
      actorRole: "editor",
      action: "patch.attach",
      target: { type: "patch" },
      requestId: "req-audit-1",
    });
    expect(page.body.events[0].id).toBeGreaterThan(page.body.events[1].id);
    const next = await app.call("GET", `/api/audit?limit=2&cursor=${page.body.pagination.next}`);
    expect(next.body.events[0].id).toBeLessThan(page.body.events[1].id);
    expect((await app.call("GET", "/api/audit?cursor=abc")).status).toBe(400);
  });
});
