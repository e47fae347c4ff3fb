import { z } from "zod";
import { getDb } from "../boot";
import type { Db } from "../db/client";
import type { Access } from "../contract/enums";
import type { Parsed, RouteContract } from "../contract/registry";
import { authenticate, isSameOrigin, type Authenticated } from "../auth/authenticate";
import { allows, describeAccess } from "../auth/roles";
import type { Actor } from "../audit";
import { readJsonBody } from "./body";
import { requestIdFor } from "./request-id";
import { ApiError, errorResponse, forbidden, unauthorized } from "./errors";
import { classifyDatabaseError } from "./database-errors";

export type RouteContext<R extends RouteContract> = {
  req: Request;
  db: Db;
  params: Parsed<R, "params">;
  query: Parsed<R, "query">;
  body: Parsed<R, "body">;
  requestId: string;
  principal: R["access"] extends "public" ? Authenticated | null : Authenticated;
  /** The caller as the audit log names it (undefined only on public routes without a caller). */
  actor: R["access"] extends "public" ? Actor | undefined : Actor;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: Request, ctx: NextContext) => Promise<Response>) & { access: Access; contract: RouteContract };

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Serves one route of the contract (lib/contract): authentication and the access it declares,
 * the Origin check for cookie writes, validation of path, query and body, and the one error shape.
 */
export function route<R extends RouteContract>(contract: R, handler: (ctx: RouteContext<R>) => Promise<Response>): RouteHandler {
  const wrapped = async (req: Request, ctx: NextContext): Promise<Response> => {
    const requestId = requestIdFor(req);
    try {
      const db = await getDb();
      const principal = await authenticate(db, req);
      if (contract.access !== "public") {
        if (!principal) throw unauthorized();
        if (!allows(contract.access, principal.role)) {
          throw forbidden(`This needs ${describeAccess(contract.access)}; you are signed in as ${principal.role}.`);
        }
      }
      if (principal?.via === "cookie" && !readMethods.has(req.method) && !isSameOrigin(req)) {
        throw forbidden("Cross-origin request refused: the Origin header does not match this site.");
      }
      // Authentication first: a caller who may not use the route learns nothing from its validation.
      const params = parse(contract.params, await ctx.params, "invalid_path", "path");
      const query = parse(contract.query ?? noQuery, queryObject(req), "invalid_query", "query", contract.query !== undefined);
      const body = contract.body ? parse(contract.body, await readJsonBody(req), "invalid_body", "body") : undefined;
      const actor = principal ? { id: principal.id, name: principal.name, role: principal.role, requestId } : undefined;
      const res = await handler({ req, db, params, query, body, requestId, principal, actor } as RouteContext<R>);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      const apiError = err instanceof ApiError ? err : classifyDatabaseError(err);
      if (!apiError) console.error(`[${requestId}]`, err);
      const res = errorResponse(apiError ?? new ApiError("internal_error", `Something went wrong on our side (request ${requestId}).`), contract.errorShape);
      res.headers.set("x-request-id", requestId);
      return res;
    }
  };
  return Object.assign(wrapped, { access: contract.access, contract });
}

/** A route without query parameters still refuses any it is sent (`?dryRun=true` must not pass unnoticed). */
const noQuery = z.strictObject({});

/** The query as a prototype-less record, so `__proto__` and `constructor` are keys like any other. */
function queryObject(req: Request): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of new URL(req.url).searchParams) {
    if (Object.hasOwn(out, key)) throw new ApiError("invalid_query", `Query parameter "${key}" is given more than once.`);
    out[key] = value;
  }
  return out;
}

function parse(
  schema: z.ZodType | undefined,
  input: unknown,
  code: "invalid_path" | "invalid_query" | "invalid_body",
  where: string,
  keep = true,
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return keep ? result.data : undefined;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : where;
    const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
    return `${field}: ${message}`;
  });
  throw new ApiError(code, `Invalid ${where}: ${problems.join("; ")}.`);
}

/** JSON response helper. */
export const json = (data: unknown, status = 200) => Response.json(data, { status });
