import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/boot";
import { auditEvents, sessions } from "@/lib/db/schema";
import { startSession } from "@/lib/auth/sessions";
import { upsertUser } from "@/lib/auth/users";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample } from "../helpers/scenario";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
});
afterAll(() => app.close());

const origin = "http://localhost:3000";

async function signIn(token: string) {
  const res = await app.call("POST", "/api/session", { token: null, body: { token }, headers: { origin } });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}
const whoAmI = (cookie: string) => app.call("GET", "/api/session", { token: null, headers: { cookie } });

/** A person signed in through the provider, as the callback leaves them: a user row and a session. */
async function providerUser(subject: string, role: "viewer" | "editor" | "admin") {
  const db = await getDb();
  const user = await upsertUser(db, { issuer: "https://idp.example", subject, email: `${subject}@example.com`, name: subject }, role);
  const session = await startSession(db, { userId: user.id, idToken: "id-token" });
  return { user, cookie: `lineage_session=${session.secret}` };
}

describe("server-side sessions", () => {
  test("sign-out ends the session at once: a copy of the old cookie no longer works", async () => {
    const cookie = await signIn(app.tokens.editor);
    expect((await whoAmI(cookie)).body.user).toMatchObject({ kind: "token", role: "editor", name: "test-editor" });
    const out = await app.call("DELETE", "/api/session", { token: null, headers: { cookie, origin } });
    expect(out.body).toEqual({ signedOut: true, endSessionUrl: null });
    expect(out.headers.get("set-cookie")).toMatch(/lineage_session=;.*Max-Age=0/);
    expect((await whoAmI(cookie)).status).toBe(401);
    const write = await app.call("POST", "/api/snapshots/my-env/patches", { token: null, body: { script: "after sign-out" }, headers: { cookie, origin } });
    expect(write.status).toBe(401);
  });

  test("signing out one session leaves the token's other sessions signed in", async () => {
    const [a, b] = [await signIn(app.tokens.viewer), await signIn(app.tokens.viewer)];
    await app.call("DELETE", "/api/session", { token: null, headers: { cookie: a, origin } });
    expect((await whoAmI(a)).status).toBe(401);
    expect((await whoAmI(b)).status).toBe(200);
  });

  test("the cookie holds a random secret; the database only its hash", async () => {
    const cookie = await signIn(app.tokens.viewer);
    const secret = cookie.split("=")[1]!;
    const rows = await (await getDb()).select().from(sessions);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect((await whoAmI(`lineage_session=${secret.slice(0, -1)}x`)).status).toBe(401);
  });

  test("revoking a token ends every session signed in with it", async () => {
    const created = await app.call("POST", "/api/tokens", { body: { role: "editor", name: "revoked-with-sessions" } });
    const [a, b] = [await signIn(created.body.token), await signIn(created.body.token)];
    const revoked = await app.call("DELETE", `/api/tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    for (const cookie of [a, b]) expect((await whoAmI(cookie)).status).toBe(401);
    const ended = await (await getDb()).select().from(sessions).where(eq(sessions.tokenId, created.body.id));
    expect(ended.map((s) => s.endedAt !== null)).toEqual([true, true]);
  });

  test("an expired session is refused", async () => {
    const db = await getDb();
    const long = new Date(Date.now() - 13 * 3600_000);
    const { secret } = await startSession(db, { tokenId: (await whoAmI(await signIn(app.tokens.viewer))).body.user.id }, long);
    expect((await whoAmI(`lineage_session=${secret}`)).status).toBe(401);
  });
});

describe("provider users", () => {
  test("a user's session signs them in by the user id, named by email", async () => {
    const { user, cookie } = await providerUser("ursula", "viewer");
    expect((await whoAmI(cookie)).body.user).toEqual({ id: user.id, kind: "user", name: "ursula@example.com", role: "viewer" });
  });

  test("admins list users with their active sessions and end them at once (audited)", async () => {
    const { user, cookie } = await providerUser("eve", "editor");
    await startSession(await getDb(), { userId: user.id });
    const listed = await app.call("GET", "/api/users");
    expect(listed.status).toBe(200);
    expect(listed.body.users.find((u: { id: string }) => u.id === user.id)).toMatchObject({ subject: "eve", email: "eve@example.com", role: "editor", activeSessions: 2 });

    const ended = await app.call("DELETE", `/api/users/${user.id}/sessions`, { headers: { "x-request-id": "end-eve" } });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endedSessions: 2, user: { id: user.id, activeSessions: 0 } });
    expect((await whoAmI(cookie)).status).toBe(401);
    const [event] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.requestId, "end-eve"));
    expect(event).toMatchObject({ action: "user.end-sessions", targetId: user.id, actorId: expect.stringMatching(/^tok_admin_/) });

    expect((await app.call("DELETE", `/api/users/${user.id}/sessions`)).body.endedSessions).toBe(0);
    expect((await app.call("DELETE", "/api/users/usr_nobody/sessions")).body.error.code).toBe("user_not_found");
    expect((await app.call("DELETE", "/api/users/nobody/sessions")).status).toBe(400);
    expect((await app.call("DELETE", `/api/users/${user.id}/sessions`, { token: app.tokens.editor })).status).toBe(403);
  });

  test("the user list pages by email, exactly", async () => {
    for (const s of ["page-a", "page-b", "page-c"]) await providerUser(s, "viewer");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { users: { id: string; email: string }[]; pagination: { next: string | null } } } = await app.call("GET", `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.body.users.map((u) => u.email));
      cursor = res.body.pagination.next;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(["page-a@example.com", "page-b@example.com", "page-c@example.com"]));
    expect((await app.call("GET", "/api/users?cursor=usr_gone")).status).toBe(404);
  });

  test("a user's write is audited under their user id, subject and email", async () => {
    const { user, cookie } = await providerUser("edna", "editor");
    const res = await app.call("POST", "/api/snapshots/my-env/patches", { token: null, body: { script: "by edna" }, headers: { cookie, origin, "x-request-id": "edna-1" } });
    expect(res.status).toBe(201);
    const audit = await app.call("GET", "/api/audit?limit=5");
    const event = audit.body.events.find((e: { requestId: string }) => e.requestId === "edna-1");
    expect(event).toMatchObject({ actorId: user.id, actor: "edna@example.com", actorRole: "editor", actorUser: { subject: "edna", email: "edna@example.com" } });
  });
});

describe("audit identity", () => {
  test("token writes record the token id; live token names are unique (409)", async () => {
    const first = await app.call("POST", "/api/tokens", { body: { role: "viewer", name: "twin" }, headers: { "x-request-id": "twin-1" } });
    expect(first.status).toBe(201);
    const second = await app.call("POST", "/api/tokens", { body: { role: "editor", name: "twin" } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("token_name_taken");
    expect((await app.call("GET", "/api/tokens")).body.tokens.filter((t: { name: string }) => t.name === "twin")).toHaveLength(1);
    // A revoked token's name is free again.
    await app.call("DELETE", `/api/tokens/${first.body.id}`);
    expect((await app.call("POST", "/api/tokens", { body: { role: "editor", name: "twin" } })).status).toBe(201);

    const audit = await app.call("GET", "/api/audit?limit=100");
    const created = audit.body.events.find((e: { requestId: string }) => e.requestId === "twin-1");
    const admin = (await app.call("GET", "/api/session")).body.user;
    expect(created).toMatchObject({ action: "token.create", actorId: admin.id, actorUser: null });
  });

  test.each([
    ["kept when safe", "abc-123_X.y:z", true],
    ["kept at 64 characters", "a".repeat(64), true],
    ["replaced at 65 characters", "a".repeat(65), false],
    ["replaced with markup", "<script>x</script>", false],
    ["replaced with spaces", "a b", false],
    ["replaced with quotes", 'a"b', false],
    ["replaced when empty", "", false],
  ])("X-Request-Id is %s", async (_, given, kept) => {
    const res = await app.call("POST", "/api/snapshots/my-env/patches", { token: app.tokens.editor, body: { script: "rid" }, headers: { "x-request-id": given } });
    expect(res.status).toBe(201);
    const id = res.headers.get("x-request-id")!;
    if (kept) expect(id).toBe(given);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.targetId, res.body.patch.id));
    expect(event!.requestId).toBe(id);
  });
});

test("without an identity provider configured, the provider routes redirect to the refusal page", async () => {
  for (const path of ["/api/session/oidc/start?next=/admin", "/api/session/oidc/callback?code=x&state=y"]) {
    const res = await app.call("GET", path, { token: null });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/signin/refused?reason=not_configured");
  }
});
