import { afterAll, beforeAll, expect, test } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { routeMethods, isMethodNotAllowedHandler } from "@/lib/http/methods";
import type { RouteHandler } from "@/lib/http/route";
import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const fetchDocument = async () => {
  const res = await app.call("GET", "/api/openapi.json", { token: null });
  expect(res.status).toBe(200);
  return res.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
};

test("GET /api/openapi.json is public and a valid OpenAPI 3.1 document", async () => {
  const doc = await fetchDocument();
  expect(doc.openapi).toBe("3.1.0");
  const validator = new Validator();
  expect(await validator.validate(doc as never)).toEqual({ valid: true });
  expect(validator.version).toBe("3.1");
});

test("every route under app/api and every method it serves is in the document, at its folder's path", async () => {
  const doc = await fetchDocument();
  const served: string[] = [];
  for (const entry of app.routes) {
    if (entry.catchAll) continue; // the unknown-path 404, not a route of the API
    const path = `/api/${entry.file.replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
    const mod = await entry.load();
    for (const method of routeMethods) {
      const handler = mod[method] as RouteHandler | undefined;
      if (!handler || isMethodNotAllowedHandler(handler)) continue;
      // The handler serves the registry entry for this very method and path.
      expect({ method: handler.contract.method, path: handler.contract.path }).toEqual({ method, path });
      expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
      served.push(`${method} ${path}`);
    }
  }
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  expect(documented.sort()).toEqual(served.sort());
});
