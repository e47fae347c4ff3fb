import { afterAll, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "./app";
import { serveOverHttp } from "./http-server";
import { buildSpecExample } from "./scenario";

/** A test app and the loopback URL it is served at over real HTTP. */
export type ServedApp = { app: TestApp; url: string };

/**
 * For a file whose client makes its own HTTP requests (the CLI, the SDKs): before its tests, a fresh
 * test app seeded with `lineage` (the demo, or the spec example of scenario.ts) plus what `prepare`
 * adds, served over HTTP; after them, both stopped. The returned object is filled in by then.
 */
export function serveTestApp(lineage: "demo" | "spec-example", prepare?: (app: TestApp) => Promise<void>): ServedApp {
  const served = {} as ServedApp;
  let close = async () => {};
  beforeAll(async () => {
    const app = await startTestApp({ demo: lineage === "demo" });
    close = () => app.close();
    if (lineage === "spec-example") await buildSpecExample(app);
    await prepare?.(app);
    const server = await serveOverHttp(app);
    close = async () => {
      await server.close();
      await app.close();
    };
    Object.assign(served, { app, url: server.url });
  });
  afterAll(() => close());
  return served;
}
