import { expect, test } from "vitest";
import { z } from "zod";
import { allRoutes } from "@/lib/contract";
import { errorStatuses } from "@/lib/contract/errors";

test("one entry per method and path, with unique operation ids", () => {
  const keys = allRoutes.map((r) => `${r.method} ${r.path}`);
  expect(new Set(keys).size).toBe(keys.length);
  const ids = allRoutes.map((r) => r.operationId);
  expect(new Set(ids).size).toBe(ids.length);
});

test("each entry's path placeholders are exactly its params schema's fields", () => {
  for (const r of allRoutes) {
    const placeholders = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const fields = r.params instanceof z.ZodObject ? Object.keys(r.params.shape).sort() : [];
    expect(fields, `${r.method} ${r.path}`).toEqual(placeholders);
  }
});

test("success answers are 2xx (and health's 503); declared errors have 4xx/5xx statuses", () => {
  for (const r of allRoutes) {
    for (const status of Object.keys(r.responses).map(Number)) expect(status < 300 || r.operationId === "health", `${r.operationId} ${status}`).toBe(true);
    for (const code of r.errors) expect(errorStatuses[code]).toBeGreaterThanOrEqual(400);
  }
});
