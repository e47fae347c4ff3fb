import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { refuseMalformedPath } from "@/lib/http/edge/malformed-path";
import { methodRefusal, refuseUnsupportedMethod } from "@/lib/http/edge/unsupported-method";
import { methodsNotAllowed } from "@/lib/http/methods";

// Answers made before a route's handler runs keep the shape the path's routes promise: OpenComputer's
// clients read `error` as a string on the checkpoint routes, Lineage's as `{code, message}` elsewhere.
const compatPath = "/api/sandboxes/checkpoints/snap_A/patches";
const lineagePath = "/api/snapshots/snap_A/patches";

describe("refusals before the handler, in the path's error shape", () => {
  test("a method the path lacks (405, Allow) and a path with no route (404)", () => {
    expect(methodRefusal("TRACE", compatPath)).toEqual({
      status: 405,
      headers: { Allow: "GET, POST, HEAD" },
      body: { error: "TRACE is not supported here; use GET, POST, HEAD." },
    });
    expect(methodRefusal("TRACE", lineagePath)).toMatchObject({
      status: 405,
      body: { error: { code: "method_not_allowed", message: "TRACE is not supported here; use GET, POST, HEAD." } },
    });
    expect(methodRefusal("PROPFIND", "/api/nowhere")).toMatchObject({ status: 404, body: { error: { code: "route_not_found" } } });
    expect(methodRefusal("TRACE", "/lineage/my-env")).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
  });

  test("an unknown method through the proxy", async () => {
    const res = refuseUnsupportedMethod(new NextRequest(`http://127.0.0.1${compatPath}/pat_0123456789ab`, { method: "PROPFIND" }));
    expect(res?.status).toBe(405);
    expect(await res?.json()).toEqual({ error: "PROPFIND is not supported here; use DELETE." });
    expect(refuseUnsupportedMethod(new NextRequest(`http://127.0.0.1${compatPath}`, { method: "GET" }))).toBeUndefined();
  });

  test("a broken percent-escape", async () => {
    const compat = refuseMalformedPath(new NextRequest("http://127.0.0.1/api/sandboxes/checkpoints/%ZZ/patches"));
    expect(compat?.status).toBe(400);
    expect(await compat?.json()).toEqual({ error: "The path is not valid percent-encoded UTF-8." });
    const lineage = refuseMalformedPath(new NextRequest("http://127.0.0.1/api/snapshots/%ZZ/patches"));
    expect(await lineage?.json()).toEqual({ error: { code: "invalid_path", message: "The path is not valid percent-encoded UTF-8." } });
  });

  test("a method the route module does not export", async () => {
    const { PUT } = methodsNotAllowed("GET", "POST");
    const compat = PUT(new Request(`http://127.0.0.1${compatPath}`, { method: "PUT" }));
    expect(compat.status).toBe(405);
    expect(compat.headers.get("allow")).toBe("GET, POST, HEAD");
    expect(await compat.json()).toEqual({ error: "PUT is not supported here; use GET, POST, HEAD." });
    const lineage = PUT(new Request(`http://127.0.0.1${lineagePath}`, { method: "PUT" }));
    expect(await lineage.json()).toEqual({ error: { code: "method_not_allowed", message: "PUT is not supported here; use GET, POST, HEAD." } });
  });
});
