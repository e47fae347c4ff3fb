/**
 * Renders the OpenAPI document as docs/API.md, the API reference a reader of the repository
 * opens. `npm run docs:api` writes it; test/unit/api-docs.test.ts fails when it is stale.
 */
import { openApiDocument } from "../lib/contract/openapi";

type Schema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  summary: string;
  description: string;
  "x-access": string;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
};

const refName = (ref: string) => ref.split("/").pop()!;
const anchor = (name: string) => name.toLowerCase();
const cell = (s: string) => s.replaceAll("|", "\\|");

/** A one-line type: `string`, `Snapshot or null`, `"desc" \| "asc"`, `Patch[]`. */
function typeOf(s: Schema): string {
  if (s.$ref) return `[${refName(s.$ref)}](#${anchor(refName(s.$ref))})`;
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(" or ");
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(", ");
  if (Array.isArray(s.type)) return s.type.map((t) => typeOf({ ...s, type: t })).join(" or ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]${s.maxItems !== undefined ? ` (≤ ${s.maxItems})` : ""}`;
  if (s.type === "object") return s.properties ? `{ ${Object.entries(s.properties).map(([k, v]) => `${k}: ${typeOf(v)}`).join(", ")} }` : "object";
  if (s.type === "string") {
    if (s.format) return s.format;
    const limits = [s.minLength !== undefined && `≥ ${s.minLength}`, s.maxLength !== undefined && `≤ ${s.maxLength}`].filter(Boolean);
    return `string${limits.length ? ` (${limits.join(", ")} chars)` : ""}${s.pattern ? ` matching \`${s.pattern}\`` : ""}`;
  }
  if (s.type === "integer" || s.type === "number") {
    const bounds = [s.minimum !== undefined && `≥ ${s.minimum}`, s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER && `≤ ${s.maximum}`];
    const shown = bounds.filter(Boolean);
    return `${s.type}${shown.length ? ` (${shown.join(", ")})` : ""}`;
  }
  return s.type ?? "any JSON";
}

function fieldTable(s: Schema): string[] {
  if (!s.properties) return [`Type: ${typeOf(s)}`];
  return [
    "| field | type | required | |",
    "|---|---|---|---|",
    ...Object.entries(s.properties).map(([name, f]) => {
      const note = [f.description, f.default !== undefined && `default \`${JSON.stringify(f.default)}\``].filter(Boolean).join("; ");
      return `| \`${name}\` | ${cell(typeOf(f))} | ${s.required?.includes(name) ? "yes" : "no"} | ${cell(note)} |`;
    }),
  ];
}

function operationSection(method: string, path: string, op: Operation): string[] {
  const out = [`### ${method.toUpperCase()} ${path}`, "", op.summary + ".", ""];
  out.push(op.description, "");
  for (const where of ["path", "query", "header"]) {
    const list = op.parameters.filter((p) => p.in === where);
    if (!list.length) continue;
    out.push(`**${where === "header" ? "Headers" : `${where[0]!.toUpperCase()}${where.slice(1)} parameters`}**`, "");
    out.push(
      "| name | type | required | |",
      "|---|---|---|---|",
      ...list.map((p) => {
        const note = [p.description, p.schema.default !== undefined && `default \`${JSON.stringify(p.schema.default)}\``].filter(Boolean).join("; ");
        return `| \`${p.name}\` | ${cell(typeOf(p.schema))} | ${p.required ? "yes" : "no"} | ${cell(note)} |`;
      }),
      "",
    );
  }
  if (op.requestBody) out.push("**Body** (JSON; unknown fields are refused)", "", ...fieldTable(op.requestBody.content["application/json"].schema), "");
  out.push("**Answers**", "");
  for (const [status, answer] of Object.entries(op.responses)) {
    // No JSON body: a 204, or a route that only streams (the description names the media type).
    if (!answer.content?.["application/json"]) {
      out.push(`- \`${status}\` ${answer.description}`);
      continue;
    }
    const schema = answer.content["application/json"].schema;
    const isError = Number(status) >= 400 && !schema.oneOf;
    out.push(isError ? `- \`${status}\` ${answer.description}` : `- \`${status}\` ${answer.description}: ${typeOf(schema)}`);
  }
  return [...out, ""];
}

export function renderApiMarkdown(): string {
  const doc = openApiDocument();
  const paths = doc.paths as unknown as Record<string, Record<string, Operation>>;
  const operations = Object.entries(paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));
  const out = [
    "# Lineage API reference",
    "",
    "<!-- Generated from lib/contract by `npm run docs:api`; edit the contract, not this file. -->",
    "",
    `${doc.info.description} The same reference is served as an OpenAPI ${doc.openapi} document at \`GET /api/openapi.json\`.`,
    "",
    "Signed-in calls send `Authorization: Bearer <token>` (or `X-API-Key: <token>`), or the session cookie that `POST /api/session` sets (writes with the cookie must send a matching `Origin`). " +
      "Access `viewer` means any signed-in role; `editor` and `runtime` routes also accept `admin`. Every route can also answer `401 unauthorized` (a bad or revoked token), " +
      "`500 internal_error` and `503 database_unavailable` (retry after `Retry-After` seconds); a method a path does not support is a `405 method_not_allowed` with an `Allow` header.",
    "",
    "| method | path | access | |",
    "|---|---|---|---|",
    ...operations.map(({ path, method, op }) => `| ${method.toUpperCase()} | [\`${path}\`](#${anchor(`${method} ${path}`.replace(/[^a-z0-9 -]/gi, "").replaceAll(" ", "-"))}) | ${op["x-access"]} | ${cell(op.summary)} |`),
    "",
  ];
  for (const tag of doc.tags.map((t) => t.name)) {
    out.push(`## ${tag}`, "");
    for (const { path, method, op } of operations) if ((op as unknown as { tags: string[] }).tags[0] === tag) out.push(...operationSection(method, path, op));
  }
  out.push("## Shapes", "");
  for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Schema>)) {
    out.push(`### ${name}`, "", ...fieldTable(schema), "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
