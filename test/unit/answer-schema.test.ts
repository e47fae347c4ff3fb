import { expect, test } from "vitest";
import { snapshotRoutes, tokenRoutes } from "@/lib/contract";
import { methodsNotAllowed } from "@/lib/http/methods";
import { checkAnswer, checkStream } from "../helpers/answer-schema";
import { treeNode } from "../helpers/tree-node";

// The integration tests check every answer with checkAnswer; these show it refuses what it must.
const getSnapshot = { contract: snapshotRoutes.getSnapshot };
const { siblings: _siblings, count: _count, ...snapshot } = treeNode("snap_a", { name: "my-env" });
const check = (handler: unknown, status: number, body: unknown) => () => checkAnswer(handler, false, "GET", "/api/x", status, body);

test("an answer in the route's shape passes", () => {
  expect(check(getSnapshot, 200, { snapshot })).not.toThrow();
  expect(check(getSnapshot, 404, { error: { code: "snapshot_not_found", message: "No snapshot." } })).not.toThrow();
});

test("a missing, renamed or extra field fails", () => {
  const { patchCount: _, ...withoutCount } = snapshot;
  expect(check(getSnapshot, 200, { snapshot: withoutCount })).toThrow(/patchCount/);
  expect(check(getSnapshot, 200, { snapshot: { ...snapshot, extra: 1 } })).toThrow(/extra/);
  expect(check(getSnapshot, 200, { snapshot: { ...snapshot, status: "gone" } })).toThrow(/status/);
});

test("an error code the route does not declare, or a status it does not answer, fails", () => {
  expect(check(getSnapshot, 404, { error: { code: "token_not_found", message: "x" } })).toThrow(/outside its contract/);
  expect(check(getSnapshot, 201, { snapshot })).toThrow(/does not declare/);
  expect(check({ contract: tokenRoutes.listTokens }, 409, { error: { code: "conflict", message: "x" } })).toThrow(/does not declare/);
});

test("a 405 answers in the error shape with method_not_allowed", () => {
  const { POST } = methodsNotAllowed("GET");
  expect(check(POST, 405, { error: { code: "method_not_allowed", message: "x" } })).not.toThrow();
  expect(check(POST, 405, { error: { code: "forbidden", message: "x" } })).toThrow();
});

test("a non-JSON answer passes only where the route declares that media type, with 200", () => {
  const csv = { contract: { ...snapshotRoutes.getSnapshot, streams: { "text/csv": "with format=csv" } } };
  expect(() => checkStream(csv, "GET", "/api/x", 200, "text/csv")).not.toThrow();
  expect(() => checkStream(csv, "GET", "/api/x", 200, "text/html")).toThrow(/does not declare/);
  expect(() => checkStream(csv, "GET", "/api/x", 500, "text/csv")).toThrow(/does not declare/);
  expect(() => checkStream(getSnapshot, "GET", "/api/x", 200, "text/csv")).toThrow(/does not declare/);
});
