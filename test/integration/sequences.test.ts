import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app";
import { ingest } from "../helpers/scenario";

// On PostgreSQL these requests really run in parallel on separate pool connections;
// on PGlite they are serialised by its single connection, which the test also covers.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ingest(app, "/api/snapshots/snap_hot", { name: "hot", status: "created", sizeBytes: 1 });
});
afterAll(() => app.close());

test("100 parallel attaches to one snapshot get sequences 1…100", async () => {
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      app.call("POST", "/api/snapshots/hot/patches", { token: app.tokens.editor, body: { script: `echo ${i}` } }),
    ),
  );
  expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
  const sequences = results.map((r) => r.body.patch.sequence).sort((a, b) => a - b);
  expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  const listed = await app.call("GET", "/api/snapshots/hot/patches", { token: app.tokens.viewer });
  expect(listed.body.patches.map((p: { sequence: number }) => p.sequence)).toEqual(sequences);
});
