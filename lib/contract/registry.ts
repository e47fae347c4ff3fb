/**
 * The shape of one route in the contract, and what follows from it: the error codes the route
 * wrapper adds, and the types of a route's request and answers (used by the typed client).
 */
import type { z } from "zod";
import type { Access } from "./enums";
import type { ErrorCode } from "./errors";

export const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof methods)[number];

export type RouteContract = {
  method: Method;
  /** OpenAPI style: `/api/snapshots/{ref}`; the folder under app/api is the same with `[ref]`. */
  path: `/api${string}`;
  summary: string;
  description?: string;
  /** Who may call it; the route wrapper checks this before anything else. */
  access: Access;
  params?: z.ZodType<Record<string, unknown>, Record<string, string>>;
  query?: z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;
  body?: z.ZodType;
  /** Request headers the route reads, with what they mean. */
  headers?: Record<string, string>;
  /** Successful JSON answers (and any non-error body, such as health's 503), by status. */
  responses: { [status: number]: z.ZodType };
  /**
   * Answers that are not JSON (a CSV export, an event stream): media type → when it is sent.
   * Sent with status 200; their bodies are not checked against a schema (a stream may never end).
   */
  streams?: Record<string, string>;
  /** Redirects (a browser navigation such as the identity provider's sign-in): status → where to. No body. */
  redirects?: { [status: number]: string };
  /** Codes the route's own logic answers; `wrapperErrors` adds those of the wrapper. */
  errors: readonly ErrorCode[];
  /**
   * How its errors are written: Lineage's `{"error": {"code", "message"}}` by default; `"message"` is
   * `{"error": "<message>"}`, for routes that serve a platform's own clients which expect that shape.
   * The status still comes from the code.
   */
  errorShape?: "message";
};

/** Keeps each entry's exact types (schemas, literal method and path) while checking its shape. */
export const defineRoutes = <const R extends Record<string, RouteContract>>(routes: R): R => routes;

/** Codes every route can answer through the wrapper, whatever its own logic does. */
export function wrapperErrors(r: RouteContract): ErrorCode[] {
  const write = r.method !== "GET";
  return [
    // A malformed or revoked bearer token is refused even on public routes.
    "unauthorized",
    ...(r.access !== "public" || write ? (["forbidden"] as const) : []),
    ...(r.params ? (["invalid_path"] as const) : []),
    // A repeated query parameter is refused on every route.
    "invalid_query",
    ...(r.body ? (["invalid_json", "invalid_body", "payload_too_large", "unsupported_media_type"] as const) : []),
    ...(write ? (["conflict", "missing_reference", "invalid_value"] as const) : []),
    "internal_error",
    "database_unavailable",
  ];
}

/** Every error code a route can answer: its own, then the wrapper's. */
export const routeErrors = (r: RouteContract): ErrorCode[] => [...new Set([...r.errors, ...wrapperErrors(r)])];

type Schema<R, K extends keyof RouteContract> = R extends { [P in K]: infer S extends z.ZodType } ? S : never;
/** The parsed values a handler receives. */
export type Parsed<R, K extends "params" | "query" | "body"> = [Schema<R, K>] extends [never] ? undefined : z.output<Schema<R, K>>;
/** What a client sends. */
export type Input<R, K extends "params" | "query" | "body"> = z.input<Schema<R, K>>;
/** The body of a route's answer with `status` (its first success status by default). */
export type Answer<R extends RouteContract, S extends keyof R["responses"] = keyof R["responses"]> = z.output<R["responses"][S]>;
