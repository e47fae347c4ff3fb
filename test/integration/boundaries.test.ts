import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { allRoutes } from "@/lib/contract";
import { OUTPUT_MAX_CHARS } from "@/lib/contract/limits";
import { startTestApp, type TestApp } from "../helpers/app";
import { buildSpecExample, ingest } from "../helpers/scenario";
import { watchDatabase } from "../property/database-state";

/** The classes of docs/RELIABILITY.md "Boundaries, round 2" that the API answers for. */
let app: TestApp;
let patchId: string;
let tokenId: string;

beforeAll(async () => {
  app = await startTestApp();
  await buildSpecExample(app);
  patchId = (await app.call("POST", "/api/snapshots/my-env/patches", { token: app.tokens.editor, body: { script: "echo base" } })).body.patch.id;
  tokenId = (await app.call("POST", "/api/tokens", { body: { role: "viewer", name: "query-probe" } })).body.id;
});
afterAll(() => app.close());

describe("unknown query parameters are refused on every route", () => {
  // Each placeholder gets the first well-formed value among these (so the path passes and the query is what is judged).
  const candidates = () => ["snap_A", "sbx_sb1", patchId, tokenId, "usr_probe", "chk_probe", "sb-1"];
  const concrete = (r: (typeof allRoutes)[number]) => {
    let path: string = r.path;
    const params: Record<string, string> = {};
    for (const [, name] of r.path.matchAll(/\{(\w+)\}/g)) {
      const value = candidates().find((c) => r.params?.safeParse({ ...params, [name!]: c }).success !== false && fieldFits(r, name!, c));
      params[name!] = value ?? "x";
      path = path.replace(`{${name}}`, params[name!]!);
    }
    return path;
  };
  const fieldFits = (r: (typeof allRoutes)[number], name: string, value: string) => {
    const shape = (r.params as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> })?.shape;
    return shape?.[name]?.safeParse(value).success ?? true;
  };

  for (const r of allRoutes) {
    for (const key of ["dryRun", "__proto__", "constructor", "toString"]) {
      test(`${r.method} ${r.path}?${key}=x → 400 invalid_query naming ${key}`, async () => {
        const expectUnchanged = await watchDatabase();
        const res = await app.call(r.method, `${concrete(r)}?${key}=x`, { headers: { origin: "http://localhost:3000" } });
        expect(res.status).toBe(400);
        // Routes for another platform's client answer in its shape: {"error": "<message>"}.
        if (r.errorShape === "message") expect(res.body.error).toContain(`unknown field(s) ${key}`);
        else {
          expect(res.body.error.code).toBe("invalid_query");
          expect(res.body.error.message).toContain(`unknown field(s) ${key}`);
        }
        await expectUnchanged();
      });
    }
  }

  test("a repeated prototype-named key is a repeated key, not a mystery", async () => {
    const res = await app.call("GET", "/api/sandboxes?constructor=a&constructor=b");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Query parameter "constructor" is given more than once.');
  });
});

describe("patch output: any text is accepted, stored safely, truncated", () => {
  let n = 0;
  async function freshPatch() {
    n += 1;
    await ingest(app, `/api/snapshots/snap_out${n}`, { status: "created", sizeBytes: 1 });
    await ingest(app, `/api/sandboxes/sbx_out${n}`, { status: "running", basedOnSnapshotId: `snap_out${n}` });
    const patch = (await app.call("POST", `/api/snapshots/snap_out${n}/patches`, { token: app.tokens.editor, body: { script: "run" } })).body.patch;
    return { sandbox: `sbx_out${n}`, patchId: patch.id as string };
  }
  const report = (sandbox: string, body: unknown) =>
    app.call("POST", `/api/sandboxes/${sandbox}/patch-results`, { token: app.tokens.runtime, body });
  const storedOutput = async (sandbox: string) =>
    (await app.call("GET", `/api/sandboxes/${sandbox}/patches`, { token: app.tokens.viewer })).body.patches[0].output;

  const cases: [string, string, string][] = [
    ["NUL", "ok\u0000done\u0000", "ok\u2400done\u2400"],
    ["C0 and C1 controls, ESC sequences", "\u001b]0;title\u0007\u001b[31mred\u009b\u0001", "\u001b]0;title\u0007\u001b[31mred\u009b\u0001"],
    ["a lone surrogate", "half \ud800 pair", "half \ufffd pair"],
    ["emoji and CJK", "✅ 完了 🎉", "✅ 完了 🎉"],
  ];
  for (const [what, output, stored] of cases) {
    test(`${what}: 201, the run is recorded and reads back`, async () => {
      const { sandbox, patchId } = await freshPatch();
      const res = await report(sandbox, { patchId, status: "applied", output });
      expect(res.status).toBe(201);
      expect(res.body.result.output).toBe(stored);
      expect(res.body.sandbox.lastPatchSequence).toBe(1);
      expect(await storedOutput(sandbox)).toBe(stored);
    });
  }

  test("long output with NULs keeps its end, within the limit", async () => {
    const { sandbox, patchId } = await freshPatch();
    const res = await report(sandbox, { patchId, status: "failed", output: "\u0000".repeat(OUTPUT_MAX_CHARS) + "x".repeat(10) + "END\u0000" });
    expect(res.status).toBe(201);
    expect(res.body.result.outputTruncated).toBe(true);
    expect(res.body.result.output.endsWith("END\u2400")).toBe(true);
    expect(res.body.result.output).not.toContain("\u0000");
    expect(res.body.result.output.length).toBeLessThan(OUTPUT_MAX_CHARS + 100);
  });
});

describe("small input edges", () => {
  test.each(["   ", "\n\t \n", "\u00a0\u2003"])("a whitespace-only script %j is refused and attaches nothing", async (script) => {
    const expectUnchanged = await watchDatabase();
    const res = await app.call("POST", "/api/snapshots/my-env/patches", { token: app.tokens.editor, body: { script } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("script: must not be only whitespace");
    await expectUnchanged();
  });

  test("a deleted snapshot takes no patch: 409 snapshot_not_live, by id and by name", async () => {
    await ingest(app, "/api/snapshots/snap_gone", { name: "gone-env", status: "created", sizeBytes: 1 });
    expect((await app.call("POST", "/api/snapshots/gone-env/patches", { token: app.tokens.editor, body: { script: "ok" } })).status).toBe(201);
    await ingest(app, "/api/snapshots/snap_gone", { name: "gone-env", status: "deleted", sizeBytes: 1 });
    const expectUnchanged = await watchDatabase();
    for (const ref of ["snap_gone", "gone-env"]) {
      const res = await app.call("POST", `/api/snapshots/${ref}/patches`, { token: app.tokens.editor, body: { script: "late" } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("snapshot_not_live");
    }
    await expectUnchanged();
    // Its history stays readable.
    expect((await app.call("GET", "/api/snapshots/snap_gone/patches", { token: app.tokens.viewer })).body.patches).toHaveLength(1);
  });
});
