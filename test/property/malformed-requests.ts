import fc from "fast-check";
import type { z } from "zod";
import { allRoutes } from "@/lib/contract";
import { applicationStatuses, roles, sandboxStatuses, snapshotStatuses, sortOrders, type Role } from "@/lib/contract/enums";
import { isoDate, name, patchId, sandboxId, snapshotId } from "@/lib/contract/fields";
import {
  AUDIT_PAGE_MAX,
  BODY_MAX_BYTES,
  DESCRIPTION_MAX_CHARS,
  RECENT_SANDBOXES_MAX,
  SCRIPT_MAX_BYTES,
  SEARCH_QUERY_MAX_CHARS,
  TREE_PAGE_MAX,
} from "@/lib/contract/limits";
import { anyJsonValue, hostileString, oversizeString } from "./hostile-strings";

// Enums, limits and field rules come from the contract (lib/contract): the generators aim just
// outside what the API accepts, so they follow it when it changes.

/** One request the API must refuse, and the status it must refuse it with (a list when several are right). */
export type MalformedRequest = {
  method: string;
  url: string;
  role?: Role;
  /** Sent as `Authorization` instead of a role's token. */
  authorization?: string;
  rawBody?: string;
  headers?: Record<string, string>;
  expect: number[];
};

/** The seeded records the generators must not hit by accident (a valid id would be a 200, not a refusal). */
export type Fixture = { patchId: string; existing: Set<string> };

type FieldKind = "name" | "snapshotId" | "sandboxId" | "patchId" | "enum" | "isoDate" | "size" | "script" | "description" | "text" | "secret";
type Field = { kind: FieldKind; required?: boolean; nullable?: boolean; values?: readonly string[] };
const accepts = (schema: z.ZodType) => (s: string) => schema.safeParse(s).success;
type BodyRoute = { method: string; url: string; role: Role; fields: Record<string, Field>; valid: Record<string, unknown> };


/** The routes that take a body (docs/API.md), each with a body they would accept. */
export const bodyRoutes = (f: Fixture): BodyRoute[] => [
  {
    method: "POST",
    url: "/api/snapshots/my-env/patches",
    role: "editor",
    fields: { script: { kind: "script", required: true }, description: { kind: "description" } },
    valid: { script: "echo ok", description: "fine" },
  },
  {
    method: "PUT",
    url: "/api/sandboxes/sbx_sb1",
    role: "runtime",
    fields: {
      name: { kind: "name", nullable: true },
      status: { kind: "enum", required: true, values: sandboxStatuses },
      basedOnSnapshotId: { kind: "snapshotId" },
      createdAt: { kind: "isoDate" },
    },
    valid: { status: "running", basedOnSnapshotId: "snap_A" },
  },
  {
    method: "PUT",
    url: "/api/snapshots/snap_A",
    role: "runtime",
    fields: {
      name: { kind: "name", nullable: true },
      sourceSandboxId: { kind: "sandboxId" },
      status: { kind: "enum", required: true, values: snapshotStatuses },
      sizeBytes: { kind: "size", required: true },
      createdAt: { kind: "isoDate" },
      expiresAt: { kind: "isoDate", nullable: true },
    },
    valid: { status: "created", sizeBytes: 1000, name: "my-env" },
  },
  {
    method: "POST",
    url: "/api/sandboxes/sbx_sb1/patch-results",
    role: "runtime",
    fields: {
      patchId: { kind: "patchId", required: true },
      status: { kind: "enum", required: true, values: applicationStatuses },
      output: { kind: "text" },
    },
    valid: { patchId: f.patchId, status: "applied", output: "ok" },
  },
  {
    method: "POST",
    url: "/api/tokens",
    role: "admin",
    fields: { role: { kind: "enum", required: true, values: roles }, name: { kind: "secret", required: true } },
    valid: { role: "viewer", name: "ci" },
  },
  {
    method: "POST",
    url: "/api/session",
    role: "viewer",
    fields: { token: { kind: "secret", required: true } },
    valid: { token: "lin_not_a_real_token" },
  },
];

// Length limits count code points (as zod does), not UTF-16 units: 64 emoji are 64 characters.
const codePoints = (s: string) => [...s].length;


/** A string value the field's rules refuse (null when every string is acceptable). */
function badString(field: Field): fc.Arbitrary<string> | null {
  const any = fc.oneof(hostileString(), oversizeString);
  switch (field.kind) {
    case "name":
      return any.filter((s) => !accepts(name)(s));
    case "snapshotId":
    case "sandboxId":
    case "patchId": {
      const schema = { snapshotId, sandboxId, patchId }[field.kind];
      return any.filter((s) => !accepts(schema)(s));
    }
    case "enum":
      return any.filter((s) => !field.values!.includes(s));
    case "isoDate":
      return fc.oneof(fc.constantFrom("2024-13-01T00:00:00Z", "2024-01-01", "yesterday", "1700000000"), any).filter((s) => !accepts(isoDate)(s));
    case "script":
      // One byte over the limit, in one-byte and in two-byte characters (the limit counts UTF-8 bytes).
      return fc.constantFrom("", "x".repeat(SCRIPT_MAX_BYTES + 1), `${"é".repeat(SCRIPT_MAX_BYTES / 2)}x`);
    case "description":
      return oversizeString.filter((s) => codePoints(s) > DESCRIPTION_MAX_CHARS);
    case "secret":
      return fc.constantFrom("", " ", "\t\n", "x".repeat(201));
    case "size":
      return any; // a number field: every string is wrong
    case "text":
      return null;
  }
}

/** A JSON value of the wrong type for the field. */
function wrongType(field: Field): fc.Arbitrary<unknown> {
  if (field.kind === "size") {
    return anyJsonValue.filter((v) => !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= Number.MAX_SAFE_INTEGER));
  }
  return anyJsonValue.filter((v) => typeof v !== "string" && !(field.nullable && v === null));
}

/** The content type header for a request that carries a body. */
const jsonContentType = (body: unknown): Record<string, string> => (body === undefined ? {} : { "content-type": "application/json" });

/** JSON text of an object with exactly these entries (keys such as `__proto__` stay own keys). */
const objectText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;

const jsonRequest = (r: BodyRoute, rawBody: string, expect: number[], headers: Record<string, string> = {}): MalformedRequest => ({
  method: r.method,
  url: r.url,
  role: r.role,
  rawBody,
  headers: { "content-type": "application/json", ...headers },
  expect,
});

/** Bodies the route must refuse with a 400: unknown fields, wrong types, bad values, missing fields, not an object, not JSON. */
export function malformedBody(r: BodyRoute): fc.Arbitrary<MalformedRequest> {
  const entries = Object.entries(r.valid);
  const fields = Object.entries(r.fields);
  const unknownKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "Script", "status ", "id", "sequence"), hostileString(20)).filter((k) => !(k in r.fields));
  const withField = (name: string, value: unknown) => objectText([...entries.filter(([k]) => k !== name), [name, value]]);
  const mutations: fc.Arbitrary<string>[] = [
    fc.tuple(unknownKey, anyJsonValue).map(([k, v]) => objectText([...entries, [k, v]])),
    fc.constantFrom(...fields).chain(([name, field]) => wrongType(field).map((v) => withField(name, v))),
    fc.constantFrom(...fields.filter(([, field]) => field.required)).map(([name]) => objectText(entries.filter(([k]) => k !== name))),
    anyJsonValue.filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => JSON.stringify(v)),
    fc.nat().map((n) => objectText(entries).slice(0, n % objectText(entries).length)),
    hostileString().filter((s) => !parses(s)),
  ];
  const constrained = fields.flatMap(([name, field]) => {
    const bad = badString(field);
    return bad ? [bad.map((v) => withField(name, v))] : [];
  });
  return fc.oneof(...mutations, ...constrained).map((text) => jsonRequest(r, text, [400]));
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A valid body sent with a content type other than JSON: 415. */
export const wrongContentType = (r: BodyRoute) =>
  fc
    .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "text/json", "application/json-patch+json", "application/xml", "")
    .map((type) => jsonRequest(r, JSON.stringify(r.valid), [415], { "content-type": type }));

/**
 * A body over the limit, its length declared in Content-Length or only found while streaming: 413.
 * The size is drawn at or above the limit, so shrinking never produces an acceptable body; half the
 * bodies are not JSON at all, so a 413 (not a 400) shows the size was checked before parsing.
 */
export const oversizeBody = (r: BodyRoute) =>
  fc
    .tuple(fc.integer({ min: BODY_MAX_BYTES + 1, max: BODY_MAX_BYTES + 64 * 1024 }), fc.boolean(), fc.boolean())
    .map(([size, declared, json]) => {
      const [open, close] = json ? ['{"script":"', '"}'] : ["{{{not json ", ""];
      const body = open + "x".repeat(size - open.length - close.length) + close;
      return jsonRequest(r, body, [413], declared ? { "content-length": String(size) } : {});
    });

/** A path segment that names nothing in the fixture (and can be sent in a URL at all). */
const strangeSegment = (f: Fixture) =>
  fc.oneof(hostileString(), oversizeString, fc.constantFrom("snap_unknown", "sbx_unknown", "pat_unknown", "tok_unknown", "%", "%E0%A4%A"))
    // "." and ".." are URL syntax, resolved before any route sees them.
    .filter((s) => s !== "" && s !== "." && s !== ".." && !f.existing.has(s) && encodable(s));

function encodable(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false; // lone surrogates cannot be put in a URL
  }
}

/** Every route with an id or name in its path, the bad segment put in its place: 400 (malformed) or 404 (unknown). */
export function badPathId(f: Fixture): fc.Arbitrary<MalformedRequest> {
  const script = JSON.stringify({ script: "echo ok" });
  const targets: { method: string; url: (x: string) => string; role: Role; body?: string }[] = [
    { method: "GET", url: (x) => `/api/snapshots/${x}`, role: "viewer" },
    { method: "PUT", url: (x) => `/api/snapshots/${x}`, role: "runtime", body: JSON.stringify({ status: "created", sizeBytes: 1 }) },
    { method: "GET", url: (x) => `/api/snapshots/${x}/patches`, role: "viewer" },
    { method: "POST", url: (x) => `/api/snapshots/${x}/patches`, role: "editor", body: script },
    { method: "DELETE", url: (x) => `/api/snapshots/${x}/patches/${f.patchId}`, role: "editor" },
    { method: "DELETE", url: (x) => `/api/snapshots/my-env/patches/${x}`, role: "editor" },
    { method: "GET", url: (x) => `/api/sandboxes/${x}`, role: "viewer" },
    { method: "PUT", url: (x) => `/api/sandboxes/${x}`, role: "runtime", body: JSON.stringify({ status: "running" }) },
    { method: "GET", url: (x) => `/api/sandboxes/${x}/patches`, role: "viewer" },
    { method: "GET", url: (x) => `/api/sandboxes/${x}/pending-patches`, role: "runtime" },
    { method: "POST", url: (x) => `/api/sandboxes/${x}/patch-results`, role: "runtime", body: JSON.stringify({ patchId: f.patchId, status: "applied" }) },
    { method: "DELETE", url: (x) => `/api/tokens/${x}`, role: "admin" },
  ];
  return fc.tuple(fc.constantFrom(...targets), strangeSegment(f)).filter(([t, x]) => !(t.method === "PUT" && validPutId(t.url(""), x))).map(([t, x]) => ({
    method: t.method,
    url: t.url(encodeURIComponent(x)),
    role: t.role,
    rawBody: t.body,
    headers: jsonContentType(t.body),
    // 405 when the segment happens to name a static route ("tree"), which lacks the method.
    expect: [400, 404, 405],
  }));
}

// A well-formed new id on a PUT route is an upsert, not a refusal.
const validPutId = (url: string, x: string) => accepts(url.includes("snapshots") ? snapshotId : sandboxId)(x);

type QueryRoute = { url: string; role: Role; valid: Record<string, string>; bad: Record<string, fc.Arbitrary<string>>; required: string[] };

const notInRange = (max: number) =>
  fc.oneof(fc.constantFrom("0", "-1", String(max + 1), "1.5", " 5", "5 ", "0x5", "1e1", "", "99999999999999999999"), hostileString())
    .filter((s) => !(/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= max));

export const queryRoutes = (f: Fixture): QueryRoute[] => [
  {
    url: "/api/snapshots/tree",
    role: "viewer",
    valid: { snapshotId: "my-env", sortOrder: "asc", limit: "5" },
    bad: {
      snapshotId: strangeSegment(f),
      sortOrder: hostileString().filter((s) => !(sortOrders as readonly string[]).includes(s)),
      limit: notInRange(TREE_PAGE_MAX),
      cursor: strangeSegment(f),
    },
    required: ["snapshotId"],
  },
  {
    url: "/api/search",
    role: "viewer",
    valid: { q: "sb" },
    bad: { q: fc.oneof(fc.constantFrom("", " ", "\t \n"), oversizeString.filter((s) => codePoints(s) > SEARCH_QUERY_MAX_CHARS)) },
    required: ["q"],
  },
  { url: "/api/sandboxes", role: "viewer", valid: { limit: "20" }, bad: { limit: notInRange(RECENT_SANDBOXES_MAX) }, required: [] },
  { url: "/api/snapshots/my-env/patches", role: "viewer", valid: { include: "removed" }, bad: { include: hostileString().filter((s) => s !== "removed") }, required: [] },
  {
    url: "/api/audit",
    role: "admin",
    valid: { limit: "10" },
    bad: { limit: notInRange(AUDIT_PAGE_MAX), cursor: hostileString().filter((s) => !/^\d{1,18}$/.test(s)) },
    required: [],
  },
];

/** Paths under /api that no route serves, with any method: 404 in the error shape, never an HTML page. */
export const unknownApiPath = (f: Fixture) =>
  fc
    .tuple(
      fc.constantFrom("/api/no-such-route", "/api/snapshots/my-env/patches/pat_x", "/api/sandboxes/sb-1/patches", "/api/tokens/tok_x"),
      fc.array(strangeSegment(f), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...METHODS),
    )
    .map(([prefix, segments, method]): MalformedRequest => ({
      method,
      url: [prefix, ...segments.map(encodeURIComponent)].join("/"),
      role: "admin",
      expect: [404],
    }));

/** Queries with an unknown, repeated, missing or malformed parameter: 400 (404 for an unknown anchor). */
export function malformedQuery(r: QueryRoute): fc.Arbitrary<MalformedRequest> {
  const keys = Object.keys(r.bad);
  const build = (pairs: [string, string][]) => `${r.url}?${new URLSearchParams(pairs)}`;
  const valid = Object.entries(r.valid);
  const mutations = [
    fc.tuple(hostileString(20).filter((k) => !keys.includes(k)), hostileString()).map(([k, v]) => build([...valid, [k, v]])),
    fc.constantFrom(...valid).map(([k, v]) => build([...valid, [k, v]])),
    fc.constantFrom(...keys).chain((k) => r.bad[k]!.map((v) => build([...valid.filter(([key]) => key !== k), [k, v]]))),
    ...(r.required.length ? [fc.constantFrom(...r.required).map((k) => build(valid.filter(([key]) => key !== k)))] : []),
  ];
  return fc.oneof(...mutations).map((url) => ({ method: "GET", url, role: r.role, expect: [400, 404] }));
}

/** Writes that would succeed with the right token, sent without one, with a broken one, or by the wrong role. */
export function badCredentials(f: Fixture): fc.Arbitrary<MalformedRequest> {
  const writes: { method: string; url: string; allowed: Role[]; body?: unknown }[] = [
    { method: "POST", url: "/api/snapshots/my-env/patches", allowed: ["editor", "admin"], body: { script: "echo sneaky" } },
    { method: "DELETE", url: `/api/snapshots/my-env/patches/${f.patchId}`, allowed: ["editor", "admin"] },
    { method: "PUT", url: "/api/snapshots/snap_sneaky", allowed: ["runtime", "admin"], body: { status: "created", sizeBytes: 1 } },
    { method: "PUT", url: "/api/sandboxes/sbx_sneaky", allowed: ["runtime", "admin"], body: { status: "running" } },
    { method: "POST", url: "/api/sandboxes/sbx_sb1/patch-results", allowed: ["runtime", "admin"], body: { patchId: f.patchId, status: "applied" } },
    { method: "POST", url: "/api/tokens", allowed: ["admin"], body: { role: "admin", name: "sneaky" } },
  ];
  const headerSafe = (s: string) => /^[\x20-\x7e\x80-\xff]*$/.test(s);
  const brokenAuthorization = fc.oneof(
    fc.constantFrom("Bearer", "Bearer ", "bearer lin_x", "Basic YWRtaW46YWRtaW4=", "Bearer a b", "Token lin_x", "Bearer lin_not_a_real_token"),
    hostileString().filter(headerSafe).map((s) => `Bearer ${s}`),
    hostileString().filter(headerSafe),
  );
  return fc.tuple(fc.constantFrom(...writes), fc.oneof(
    fc.constantFrom(...roles).map((role) => ({ role })),
    brokenAuthorization.map((authorization) => ({ authorization })),
    fc.constant({}),
  )).filter(([w, cred]) => !("role" in cred && w.allowed.includes(cred.role!))).map(([w, cred]) => ({
    method: w.method,
    url: w.url,
    ...cred,
    rawBody: w.body === undefined ? undefined : JSON.stringify(w.body),
    headers: jsonContentType(w.body),
    expect: "role" in cred ? [403] : [401],
  }));
}

/** A URL of a registry path, its parameters filled with records of the fixture. */
const examplePath = (path: string) =>
  path.replace(/\/(snapshots|sandboxes)\/\{ref\}/, (_, kind: string) => `/${kind}/${kind === "snapshots" ? "my-env" : "sbx_sb1"}`).replace("{patchId}", "pat_x").replace("{id}", "tok_x").replace("{checkpointId}", "my-env").replace("{snapshotId}", "my-env").replace("{name}", "sb-1");

/** The methods each route serves, from the route registry; every other method is a 405. */
export const routeMethods: Record<string, string[]> = {};
for (const r of allRoutes) (routeMethods[examplePath(r.path)] ??= []).push(r.method);
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** A method the route does not serve, with any body and any role: 405. */
export const wrongMethod = fc
  .tuple(
    fc.constantFrom(...Object.entries(routeMethods)),
    fc.constantFrom(...METHODS),
    fc.constantFrom(...roles),
    fc.option(anyJsonValue),
  )
  .filter(([[, allowed], method]) => !allowed.includes(method))
  .map(([[url], method, role, body]): MalformedRequest => ({
    method,
    url,
    role,
    rawBody: body === null || method === "GET" ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
    expect: [405],
  }));

/** A valid attach with an Idempotency-Key that is not 1-255 visible ASCII characters (after header trimming). */
export const badIdempotencyKey = fc
  .oneof(
    fc.constantFrom("a b", "key\twith tab", "x".repeat(256), "é", "ключ", "\u00ff\u00fe"),
    fc.tuple(hostileString(20), hostileString(20)).map(([a, b]) => `k${a} ${b}k`),
  )
  .filter((k) => /^[\x20-\x7e\x80-\xff\t]*$/.test(k))
  .map((key): MalformedRequest => ({
    method: "POST",
    url: "/api/snapshots/my-env/patches",
    role: "editor",
    rawBody: JSON.stringify({ script: "echo keyed" }),
    headers: { "content-type": "application/json", "idempotency-key": key },
    expect: [400],
  }));
