import { describe, expect, test } from "vitest";
import { decodeSession, encodeSession, readCookie, SESSION_TTL_SECONDS } from "@/lib/auth/session";

const secret = "s".repeat(40);

describe("session cookie", () => {
  test("round-trips the token id until it expires", () => {
    const now = Date.UTC(2026, 0, 1);
    const value = encodeSession(secret, "tok_abc", now);
    expect(decodeSession(secret, value, now + 1000)).toMatchObject({ tokenId: "tok_abc" });
    expect(decodeSession(secret, value, now + SESSION_TTL_SECONDS * 1000 + 1)).toBeNull();
  });

  test("rejects another key's signature, edited payloads and junk", () => {
    const value = encodeSession(secret, "tok_abc");
    expect(decodeSession("t".repeat(40), value)).toBeNull();
    const [, sig] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ tokenId: "tok_admin", exp: 9e9 })).toString("base64url");
    expect(decodeSession(secret, `${forged}.${sig}`)).toBeNull();
    for (const junk of ["", ".", "a.b.c", "abc", "%%%.%%%"]) expect(decodeSession(secret, junk)).toBeNull();
  });

  test("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; lineage_session=xyz; b=2", "lineage_session")).toBe("xyz");
    expect(readCookie("a=1", "lineage_session")).toBeUndefined();
    expect(readCookie(null, "lineage_session")).toBeUndefined();
  });
});
