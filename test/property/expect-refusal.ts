import fc from "fast-check";
import { expect } from "vitest";
import { errorShapeAt } from "@/lib/http/routes-at";
import type { TestApp } from "../helpers/app";
import type { MalformedRequest } from "./malformed-requests";

/** One line naming a request with its body cut short, so failures stay readable even for 1 MiB bodies. */
export function describeRequest(req: MalformedRequest): string {
  const who = req.role ?? (req.authorization === undefined ? "no credentials" : `Authorization ${JSON.stringify(req.authorization.slice(0, 80))}`);
  const body = req.rawBody === undefined ? "" : ` body(${req.rawBody.length} chars) ${JSON.stringify(req.rawBody.slice(0, 160))}`;
  return `${req.method} ${req.url.slice(0, 200)} as ${who}${body} headers ${JSON.stringify(req.headers ?? {}).slice(0, 200)}`;
}

/** The request with the short description as what fast-check prints for a counterexample. */
export const shortlyDescribed = (req: MalformedRequest): MalformedRequest =>
  Object.assign({ ...req }, { [fc.toStringMethod]: () => describeRequest(req) });

/**
 * Sends a request that must be refused, and checks it was: the expected 4xx, in the error shape its
 * path promises (Lineage's `{"error": {"code", "message"}}`, or a platform's `{"error": "<message>"}`).
 */
export async function expectRefusal(app: TestApp, req: MalformedRequest) {
  const token = req.role ? app.tokens[req.role] : null;
  const headers = { ...req.headers, ...(req.authorization !== undefined && { authorization: req.authorization }) };
  const res = await app.call(req.method, req.url, { token, rawBody: req.rawBody, headers });
  const context = `${describeRequest(req)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  expect(req.expect, context).toContain(res.status);
  expect(Object.keys(res.body ?? {}), context).toEqual(["error"]);
  let message = res.body.error;
  if (errorShapeAt(new URL(req.url, "http://localhost").pathname) !== "message") {
    expect(Object.keys(res.body.error).sort(), context).toEqual(["code", "message"]);
    expect(res.body.error.code, context).toMatch(/^[a-z_]+$/);
    message = res.body.error.message;
  }
  expect(message, context).toMatch(/\S/);
  expect(message, context).not.toMatch(/\n\s+at |node_modules/);
  expect(res.headers.get("content-type"), context).toMatch(/^application\/json/);
  if (res.status === 405) expect(res.headers.get("allow"), context).toMatch(/^[A-Z, ]+$/);
  return res;
}
