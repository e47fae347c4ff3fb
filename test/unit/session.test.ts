import { describe, expect, test } from "vitest";
import { readCookie, sessionCookie } from "@/lib/auth/cookies";
import { flowCookie, readFlow } from "@/lib/auth/oidc/flow-cookie";

describe("session cookie", () => {
  test("is httpOnly, same-site lax, Secure over https only", () => {
    expect(sessionCookie("abc", false)).toMatch(/^lineage_session=abc; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(sessionCookie("abc", true)).toMatch(/; Secure$/);
  });

  test("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; lineage_session=xyz; b=2", "lineage_session")).toBe("xyz");
    expect(readCookie("a=1", "lineage_session")).toBeUndefined();
    expect(readCookie(null, "lineage_session")).toBeUndefined();
  });
});

describe("provider sign-in flow cookie", () => {
  const key = "k".repeat(40);
  const flow = { state: "s1", nonce: "n1", verifier: "v1", next: "/admin" };
  const header = (setCookie: string) => setCookie.split(";")[0]!;

  test("round-trips within ten minutes, on the callback path only", () => {
    const now = Date.now();
    const cookie = flowCookie(key, flow, false, now);
    expect(cookie).toMatch(/Path=\/api\/session\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
    expect(readFlow(key, header(cookie), now + 1000)).toEqual(flow);
    expect(readFlow(key, header(cookie), now + 601_000)).toBeNull();
  });

  test("an altered, re-signed with another key, or malformed cookie is no flow", () => {
    const value = header(flowCookie(key, flow, false)).split("=")[1]!;
    const [data, sig] = value.split(".");
    const altered = Buffer.from(JSON.stringify({ ...flow, nonce: "attacker", exp: 9e9 })).toString("base64url");
    expect(readFlow(key, `lineage_oidc=${altered}.${sig}`)).toBeNull();
    expect(readFlow("o".repeat(40), `lineage_oidc=${data}.${sig}`)).toBeNull();
    for (const junk of ["", ".", "a.b.c", "abc", "%%%.%%%"]) expect(readFlow(key, `lineage_oidc=${junk}`)).toBeNull();
    expect(readFlow(key, null)).toBeNull();
  });
});
