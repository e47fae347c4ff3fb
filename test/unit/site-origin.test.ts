import { describe, expect, test } from "vitest";
import { loadConfig } from "@/lib/config";
import { isSiteOrigin, siteOrigin } from "@/lib/http/site-origin";
import { contentSecurityPolicy, servedOverHttps } from "@/lib/http/edge/security-headers";

const request = (url: string, headers: Record<string, string>) => new Request(url, { headers });

describe("the site's origin, for Origin checks", () => {
  test("without LINEAGE_PUBLIC_URL: http and the Host header; X-Forwarded-* (and the URL Next.js builds from them) never read", () => {
    const req = request("https://127.0.0.1:3000/api/x", { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(siteOrigin(req, undefined)).toBe("http://127.0.0.1:3000");
  });

  test("LINEAGE_PUBLIC_URL wins over Host: behind a proxy the public origin is what browsers send", () => {
    const req = request("http://10.0.0.5:3000/api/x", { host: "10.0.0.5:3000" });
    expect(siteOrigin(req, "https://lineage.example.com")).toBe("https://lineage.example.com");
  });

  test("scheme and host must both match", () => {
    const req = request("http://localhost:3000/api/x", { host: "localhost:3000" });
    expect(isSiteOrigin(req, "http://localhost:3000")).toBe(true);
    expect(isSiteOrigin(req, "https://localhost:3000")).toBe(false);
    expect(isSiteOrigin(req, "http://localhost:3001")).toBe(false);
    expect(isSiteOrigin(req, "http://localhost.evil.example:3000")).toBe(false);
    expect(isSiteOrigin(req, "null")).toBe(false);
    expect(isSiteOrigin(req, null)).toBe(false);
  });
});

describe("LINEAGE_PUBLIC_URL", () => {
  test("kept as an origin; anything but an http(s) URL stops start-up with a message", () => {
    expect(loadConfig({ LINEAGE_PUBLIC_URL: "https://lineage.example.com/" }).publicUrl).toBe("https://lineage.example.com");
    expect(() => loadConfig({ LINEAGE_PUBLIC_URL: "lineage.example.com" })).toThrow(/LINEAGE_PUBLIC_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ LINEAGE_PUBLIC_URL: "ftp://lineage.example.com" })).toThrow(/LINEAGE_PUBLIC_URL/);
  });

  test("HSTS only when the public origin is https", () => {
    expect(servedOverHttps("https://lineage.example.com")).toBe(true);
    expect(servedOverHttps("http://lineage.example.com")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
  });
});

test("the script policy allows the nonce, never inline scripts; eval only in development", () => {
  const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src "))!;
  expect(scriptSrc(contentSecurityPolicy("abc", false))).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
  expect(scriptSrc(contentSecurityPolicy("abc", true))).toContain("'unsafe-eval'");
  expect(contentSecurityPolicy("abc", false)).not.toMatch(/script-src[^;]*unsafe-inline/);
});
