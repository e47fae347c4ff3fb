/**
 * The OpenAPI 3.1 document of the API, generated from the route registry with zod's own JSON
 * Schema conversion: request schemas as clients send them (`io: "input"`), answers as the server
 * sends them. Shapes with a `meta.id` become named components.
 */
import { z } from "zod";
import { SESSION_COOKIE } from "../auth/cookies";
import { errorBody, errorStatuses, messageErrorBody, type ErrorCode } from "./errors";
import { allRoutes, type RegisteredRoute } from "./index";
import { routeErrors } from "./registry";

type JsonSchema = { [key: string]: unknown };

const statusText: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No content",
  302: "Found (redirect)",
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  500: "Internal error",
  503: "Unavailable",
};

export function openApiDocument() {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const converted = z.toJSONSchema(schema, {
      io,
      // The date-time format says it; zod's long regex for it would only clutter the document.
      override: ({ jsonSchema }) => {
        if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
      },
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const { $schema: _dialect, $defs, ...rest } = converted;
    Object.assign(components, $defs);
    return rest;
  };

  const parameters = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const object = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, s]) => {
      const { description, ...rest } = s;
      return { name, in: where, required: where === "path" || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
    });
  };

  const responses = (r: RegisteredRoute) => {
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of routeErrors(r)) byStatus.set(errorStatuses[code], [...(byStatus.get(errorStatuses[code]) ?? []), code]);
    const streamed = r.streams ? [200] : [];
    const statuses = [...new Set([...Object.keys(r.responses).map(Number), ...streamed, ...byStatus.keys()])].sort((a, b) => a - b);
    const redirects = Object.entries(r.redirects ?? {}).map(([status, where]) => [
      status,
      { description: `${statusText[Number(status)] ?? status}: ${where}`, headers: { Location: { schema: { type: "string" } } } },
    ]);
    return Object.fromEntries([
      ...redirects,
      ...statuses.map((status) => {
        const success = r.responses[status];
        const codes = byStatus.get(status);
        const error = r.errorShape === "message" ? messageErrorBody : codes && errorBody(codes);
        const options = [success && toSchema(success, "output"), codes && error && toSchema(error, "output")].filter((s): s is JsonSchema => !!s);
        const schema = options.length === 1 ? options[0] : { oneOf: options };
        const streams = status === 200 ? Object.entries(r.streams ?? {}) : [];
        const description = [
          codes ? `${statusText[status] ?? status}: ${codes.join(", ")}` : (statusText[status] ?? String(status)),
          ...streams.map(([type, when]) => `${type}: ${when}`),
        ].join("; ");
        if (status === 204) return [String(status), { description }];
        // A route that only streams (an event stream) has no JSON answer at 200.
        const content = { ...(options.length > 0 && { "application/json": { schema } }), ...Object.fromEntries(streams.map(([type]) => [type, { schema: { type: "string" } }])) };
        return [String(status), { description, content }];
      }),
    ]);
  };

  const operation = (r: RegisteredRoute) => ({
    operationId: r.operationId,
    tags: [r.tag],
    summary: r.summary,
    description: [r.description, `Access: ${r.access === "public" ? "public (no sign-in)" : r.access === "viewer" ? "any signed-in role" : `${r.access} (or admin)`}.`]
      .filter(Boolean)
      .join("\n\n"),
    "x-access": r.access,
    security: r.access === "public" ? [] : [{ bearer: [] }, { apiKey: [] }, { session: [] }],
    parameters: [
      ...parameters(r.params, "path"),
      ...parameters(r.query, "query"),
      ...Object.entries(r.headers ?? {}).map(([name, description]) => ({ name, in: "header", required: false, description, schema: { type: "string" } })),
    ],
    ...(r.body && { requestBody: { required: true, content: { "application/json": { schema: toSchema(r.body, "input") } } } }),
    responses: responses(r),
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of allRoutes) (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);

  const document = {
    openapi: "3.1.0",
    info: {
      title: "Lineage API",
      version: "1",
      description:
        'Sandbox snapshot lineage and patches. Every error is `{"error": {"code", "message"}}` (except on the opencomputer routes, which answer `{"error": "<message>"}` as that platform does); unknown query or body fields are refused with a 400.',
    },
    servers: [{ url: "/" }],
    tags: [...new Set(allRoutes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token (lin_…) from an admin or the start-up banner." },
        apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "The same token, as OpenComputer's clients send it." },
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Set by POST /api/session; writes with it must send a matching Origin." },
      },
    },
  };
  // zod names its components under $defs; OpenAPI keeps them under components.schemas.
  return JSON.parse(JSON.stringify(document).replaceAll('"#/$defs/', '"#/components/schemas/')) as typeof document;
}
