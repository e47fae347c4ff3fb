import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import type { Database } from "@/lib/db/client";
import { stopEventHub } from "@/lib/events/hub";
import { checkAnswer, checkRedirect, checkStream } from "./answer-schema";
import { onTestServer } from "./postgres-template";

/**
 * Runs the API in-process on a fresh, empty database: embedded PGlite in memory, or a new
 * PostgreSQL database when the project under test is `postgres`. Requests go straight to the
 * route handlers, matched from app/api the way Next.js matches them.
 */
export const ADMIN_TOKEN = "lin_test_admin_token_0123456789";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler & { access?: string }>>;
type RouteEntry = { file: string; pattern: RegExp; names: string[]; catchAll: boolean; load: () => Promise<RouteModule> };

const apiDir = path.resolve(import.meta.dirname, "../../app/api");

export function routeTable(): RouteEntry[] {
  const files = (fs.readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts");
  return files
    .map((file) => {
      const segments = path.dirname(file) === "." ? [] : path.dirname(file).split(path.sep);
      const names: string[] = [];
      const source = segments
        .map((seg) => {
          // An optional catch-all ([[...x]]) also serves its folder itself: /api answers like /api/x.
          if (seg.startsWith("[[...")) {
            names.push(seg.slice(5, -2));
            return "?(.*)";
          }
          if (seg.startsWith("[...")) {
            names.push(seg.slice(4, -1));
            return "(.+)";
          }
          if (seg.startsWith("[")) {
            names.push(seg.slice(1, -1));
            return "([^/]+)";
          }
          return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("/");
      return {
        file,
        pattern: new RegExp(`^/api${source && !source.startsWith("?") ? "/" : ""}${source.startsWith("?") ? `(?:/${source.slice(1)})?` : source}$`),
        names,
        catchAll: segments.some((s) => s.startsWith("[...") || s.startsWith("[[...")),
        load: () => import(path.join(apiDir, file)) as Promise<RouteModule>,
      };
    })
    .sort((a, b) => rank(a) - rank(b));
}
// Static segments before dynamic ones before catch-alls, as Next.js resolves them.
const rank = (r: RouteEntry) => (r.catchAll ? 2 : r.names.length ? 1 : 0) * 100 - r.file.split("/").length;

/**
 * Hands a request to the route handler Next.js would pick (405 when the route lacks the method),
 * and checks its answer against the route's contract (answer-schema.ts).
 */
export async function dispatch(routes: RouteEntry[], req: Request): Promise<Response> {
  const pathname = new URL(req.url).pathname;
  const entry = routes.find((r) => r.pattern.test(pathname));
  if (!entry) return new Response("no route", { status: 404 });
  const match = entry.pattern.exec(pathname)!;
  const params = Object.fromEntries(
    entry.names.flatMap((n, i) => {
      const raw = match[i + 1];
      // An optional catch-all matched without segments has no parameter, as in Next.js.
      if (raw === undefined) return [];
      return [[n, entry.catchAll ? raw.split("/").map(decodeURIComponent) : decodeURIComponent(raw)]];
    }),
  );
  const handler = (await entry.load())[req.method];
  if (!handler) return new Response(null, { status: 405 });
  const res = await handler(req, { params: Promise.resolve(params) });
  const mediaType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (req.method === "HEAD") return res;
  if (res.status >= 300 && res.status < 400) checkRedirect(handler, req.method, pathname, res.status, res.headers.get("location"));
  // A stream is not read here: it may never end. A 204 has no body, checked as null.
  else if (mediaType !== "application/json" && res.status !== 204) checkStream(handler, req.method, pathname, res.status, mediaType);
  else {
    const text = await res.clone().text();
    checkAnswer(handler, entry.catchAll, req.method, pathname, res.status, text ? JSON.parse(text) : null);
  }
  return res;
}

// lib/boot.ts keeps the process's database here.
const holder = globalThis as unknown as { __lineageDb?: Promise<Database> };

export type CallOptions = { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

export type TestApp = {
  routes: RouteEntry[];
  call: (method: string, url: string, opts?: CallOptions) => Promise<{ status: number; body: any; headers: Headers }>;
  tokens: Record<"viewer" | "editor" | "runtime" | "admin", string>;
  close: () => Promise<void>;
  databaseUrl: string | undefined;
};

/**
 * `demo: true` seeds the demo lineage (lib/demo/seed.ts) into the fresh database. `connectVia` rewrites the
 * PostgreSQL URL the app's pool uses (e.g. through a fault-injecting proxy); `databaseUrl` stays direct.
 */
export async function startTestApp(opts: { demo?: boolean; connectVia?: (databaseUrl: string) => string } = {}): Promise<TestApp> {
  const onPostgres = process.env.TEST_DB === "postgres";
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (onPostgres) {
    // A copy of the migrated template of postgres-template.ts.
    const dbName = `lineage_test_${crypto.randomBytes(5).toString("hex")}`;
    await onTestServer(`CREATE DATABASE ${dbName} TEMPLATE ${inject("postgresTemplate")}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    dropDatabase = () => onTestServer(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
  process.env.LINEAGE_DEMO = opts.demo ? "1" : "0";
  process.env.LINEAGE_ADMIN_TOKEN = ADMIN_TOKEN;
  process.env.LINEAGE_DATA_DIR = `memory://${crypto.randomUUID()}`;
  if (databaseUrl) process.env.DATABASE_URL = opts.connectVia?.(databaseUrl) ?? databaseUrl;
  else delete process.env.DATABASE_URL;

  const { bootDatabase, getDatabase } = await import("@/lib/boot");
  if (!onPostgres) {
    // Booted as the server boots it, from the migrated dump of pglite-dump.ts instead of initdb.
    holder.__lineageDb = bootDatabase(undefined, { pgliteDump: new Blob([fs.readFileSync(inject("pgliteDumpFile"))]) });
  }
  await getDatabase();
  const routes = routeTable();

  const call: TestApp["call"] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { host: "localhost:3000", ...opts.headers };
    const token = opts.token === undefined ? ADMIN_TOKEN : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await dispatch(routes, new Request(new URL(url, "http://localhost:3000"), { method, headers, body }));
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };

  const tokens = { admin: ADMIN_TOKEN } as TestApp["tokens"];
  for (const role of ["viewer", "editor", "runtime"] as const) {
    const res = await call("POST", "/api/tokens", { body: { role, name: `test-${role}` } });
    if (res.status !== 201) throw new Error(`could not create ${role} token: ${JSON.stringify(res.body)}`);
    tokens[role] = res.body.token;
  }

  return {
    routes,
    call,
    tokens,
    databaseUrl,
    close: async () => {
      const db = await holder.__lineageDb;
      holder.__lineageDb = undefined;
      if (db) await stopEventHub(db);
      await db?.close();
      await dropDatabase();
    },
  };
}
