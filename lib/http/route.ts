import crypto from "node:crypto";
import { z } from "zod";
import { config } from "../config";
import { getDb } from "../boot";
import type { Db } from "../db/client";
import { authenticate, isSameOrigin, type Authenticated } from "../auth/authenticate";
import { allows, describeAccess, type Access } from "../auth/roles";
import { sessionSecret } from "../auth/secret";
import type { Actor } from "../audit";
import { readJsonBody } from "./body";
import { ApiError, errorResponse, forbidden, unauthorized } from "./errors";
import { classifyDatabaseError } from "./database-errors";

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteSpec<P, Q, B> = {
  /** Who may call the route; declared once here so no route can forget it. */
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
};

export type RouteContext<P, Q, B, A extends Access> = {
  req: Request;
  db: Db;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  requestId: string;
  principal: A extends "public" ? Authenticated | null : Authenticated;
  /** The caller as the audit log names it (undefined only on public routes without a caller). */
  actor: A extends "public" ? Actor | undefined : Actor;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: Request, ctx: NextContext) => Promise<Response>) & { access: Access };

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Wraps a handler with authentication, access control, validation and the one error shape. */
export function route<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, A extends Access>(
  spec: RouteSpec<P, Q, B> & { access: A },
  handler: (ctx: RouteContext<P, Q, B, A>) => Promise<Response>,
): RouteHandler {
  const wrapped = async (req: Request, ctx: NextContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || crypto.randomUUID();
    try {
      const db = await getDb();
      const principal = await authenticate(db, req, sessionSecret(config()));
      if (spec.access !== "public") {
        if (!principal) throw unauthorized();
        if (!allows(spec.access, principal.role)) {
          throw forbidden(`This needs ${describeAccess(spec.access)}; you are signed in as ${principal.role}.`);
        }
      }
      if (principal?.via === "cookie" && !readMethods.has(req.method) && !isSameOrigin(req)) {
        throw forbidden("Cross-origin request refused: the Origin header does not match this site.");
      }
      const params = parse(spec.params, await ctx.params, "invalid_path", "path");
      const query = parse(spec.query, queryObject(req), "invalid_query", "query");
      const body = spec.body ? parse(spec.body, await readJsonBody(req), "invalid_body", "body") : undefined;
      const actor = principal ? { id: principal.tokenId, name: principal.name, role: principal.role, requestId } : undefined;
      const res = await handler({ req, db, params, query, body, requestId, principal, actor } as RouteContext<P, Q, B, A>);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      const apiError = err instanceof ApiError ? err : classifyDatabaseError(err);
      if (!apiError) console.error(`[${requestId}]`, err);
      const res = errorResponse(apiError ?? new ApiError(500, "internal_error", `Something went wrong on our side (request ${requestId}).`));
      res.headers.set("x-request-id", requestId);
      return res;
    }
  };
  return Object.assign(wrapped, { access: spec.access });
}

function queryObject(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(req.url).searchParams) {
    if (key in out) throw new ApiError(400, "invalid_query", `Query parameter "${key}" is given more than once.`);
    out[key] = value;
  }
  return out;
}

function parse<S extends Schema | undefined>(schema: S, input: unknown, code: string, where: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(input);
  if (result.success) return result.data as Infer<S>;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : where;
    const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
    return `${field}: ${message}`;
  });
  throw new ApiError(400, code, `Invalid ${where}: ${problems.join("; ")}.`);
}

/** JSON response helper. */
export const json = (data: unknown, status = 200) => Response.json(data, { status });
