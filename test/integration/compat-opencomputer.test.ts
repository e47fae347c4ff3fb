import { Sandbox } from "@opencomputer/sdk";
import { expect, test } from "vitest";
import type { TestApp } from "../helpers/app";
import { serveTestApp } from "../helpers/served-app";

/** OpenComputer's published SDK, unchanged, against Lineage served over HTTP. */
const served = serveTestApp("spec-example");

const as = (role: keyof TestApp["tokens"]) => ({ apiKey: served.app.tokens[role], apiUrl: served.url });

/** The body of the HTTP answer an SDK error reports ("Failed to …: <status> <body>"). */
async function refusal(call: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  const err = await call.then(() => expect.unreachable("the call should fail"), (e: Error) => e);
  const match = /: (\d{3}) (.*)$/s.exec(err.message);
  expect(match, err.message).not.toBeNull();
  return { status: Number(match![1]), body: JSON.parse(match![2]!) };
}

test("attaches, lists and removes patches on a snapshot by id and by name", async () => {
  const first = await Sandbox.createCheckpointPatch("snap_A", { script: "apt-get update", description: "Refresh lists", ...as("editor") });
  expect(first.patch).toEqual({
    id: expect.stringMatching(/^pat_/),
    checkpointId: "snap_A",
    sequence: 1,
    script: "apt-get update",
    description: "Refresh lists",
    strategy: "on_wake",
    createdAt: expect.any(String),
  });
  const second = await Sandbox.createCheckpointPatch("my-env", { script: "echo two", ...as("editor") });
  expect(second.patch).toMatchObject({ checkpointId: "snap_A", sequence: 2, description: "" });

  for (const ref of ["my-env", "snap_A"]) {
    const listed = await Sandbox.listCheckpointPatches(ref, as("viewer"));
    expect(listed.map((p) => [p.id, p.sequence])).toEqual([
      [first.patch.id, 1],
      [second.patch.id, 2],
    ]);
  }

  // The same patches in Lineage's own API, reaching the sandboxes started from my-env only.
  const own = await served.app.call("GET", "/api/snapshots/my-env/patches", { token: served.app.tokens.viewer });
  expect(own.body.patches.map((p: { id: string; sequence: number; createdBy: string }) => [p.id, p.sequence, p.createdBy])).toEqual([
    [first.patch.id, 1, "test-editor"],
    [second.patch.id, 2, "test-editor"],
  ]);
  for (const sandbox of ["sb-1", "sb-2"]) {
    const reached = await served.app.call("GET", `/api/sandboxes/${sandbox}/patches`, { token: served.app.tokens.viewer });
    expect(reached.body.patches.map((p: { sequence: number; state: string }) => [p.sequence, p.state])).toEqual([
      [1, "pending"],
      [2, "pending"],
    ]);
  }
  expect((await served.app.call("GET", "/api/sandboxes/sb-3/patches", { token: served.app.tokens.viewer })).body.patches).toEqual([]);

  await Sandbox.deleteCheckpointPatch("my-env", first.patch.id, as("editor"));
  expect((await Sandbox.listCheckpointPatches("snap_A", as("viewer"))).map((p) => p.sequence)).toEqual([2]);
  const history = await served.app.call("GET", "/api/snapshots/my-env/patches?include=removed", { token: served.app.tokens.viewer });
  expect(history.body.patches[0]).toMatchObject({ id: first.patch.id, removedBy: "test-editor" });

  // A third patch takes the next sequence: removed sequences are never reused.
  expect((await Sandbox.createCheckpointPatch("snap_A", { script: "echo three", ...as("editor") })).patch.sequence).toBe(3);
});

test("refusals come in OpenComputer's error shape and change nothing", async () => {
  const before = await Sandbox.listCheckpointPatches("my-env", as("viewer"));

  const viewer = await refusal(Sandbox.createCheckpointPatch("my-env", { script: "echo no", ...as("viewer") }));
  expect(viewer).toEqual({ status: 403, body: { error: expect.stringContaining("editor") } });
  const stranger = await refusal(Sandbox.createCheckpointPatch("my-env", { script: "echo no", apiKey: "lin_not_a_real_token", apiUrl: served.url }));
  expect(stranger).toEqual({ status: 401, body: { error: expect.stringContaining("unknown or has been revoked") } });
  const empty = await refusal(Sandbox.createCheckpointPatch("my-env", { script: "", ...as("editor") }));
  expect(empty).toEqual({ status: 400, body: { error: "Invalid body: script: must not be empty." } });
  const missing = await refusal(Sandbox.createCheckpointPatch("no-such-env", { script: "echo no", ...as("editor") }));
  expect(missing).toEqual({ status: 404, body: { error: 'No snapshot has the id or name "no-such-env".' } });

  // The SDK treats a 404 on delete as done; the answer itself is still in the platform's shape.
  const gone = await fetch(`${served.url}/api/sandboxes/checkpoints/my-env/patches/pat_missing`, { method: "DELETE", headers: { "X-API-Key": served.app.tokens.editor } });
  expect(gone.status).toBe(404);
  expect(await gone.json()).toEqual({ error: expect.stringContaining("pat_missing") });
  const viewerDelete = await fetch(`${served.url}/api/sandboxes/checkpoints/my-env/patches/${before[0]!.id}`, { method: "DELETE", headers: { "X-API-Key": served.app.tokens.viewer } });
  expect(viewerDelete.status).toBe(403);

  expect(await Sandbox.listCheckpointPatches("my-env", as("viewer"))).toEqual(before);
});

test("malformed requests on these routes are 4xx in OpenComputer's shape, never 500, and change nothing", async () => {
  const before = await Sandbox.listCheckpointPatches("my-env", as("viewer"));
  const url = `${served.url}/api/sandboxes/checkpoints`;
  const key = { "X-API-Key": served.app.tokens.editor };
  const json = { ...key, "content-type": "application/json" };
  const cases: [string, string, RequestInit, number][] = [
    ["unknown body field", `${url}/my-env/patches`, { method: "POST", headers: json, body: JSON.stringify({ script: "x", strategy: "now" }) }, 400],
    ["broken JSON", `${url}/my-env/patches`, { method: "POST", headers: json, body: "{script:" }, 400],
    ["not JSON", `${url}/my-env/patches`, { method: "POST", headers: { ...key, "content-type": "text/plain" }, body: "echo" }, 415],
    ["script over 64 KiB", `${url}/my-env/patches`, { method: "POST", headers: json, body: JSON.stringify({ script: "x".repeat(65 * 1024) }) }, 400],
    ["bad checkpoint id", `${url}/Not%20A%20Name/patches`, { headers: key }, 400],
    ["bad patch id", `${url}/my-env/patches/nope`, { method: "DELETE", headers: key }, 400],
    ["malformed key", `${url}/my-env/patches`, { headers: { "X-API-Key": "two words" } }, 401],
  ];
  for (const [what, href, init, status] of cases) {
    const res = await fetch(href, init);
    expect([what, res.status]).toEqual([what, status]);
    expect(await res.json(), what).toEqual({ error: expect.stringMatching(/\S/) });
  }
  expect(await Sandbox.listCheckpointPatches("my-env", as("viewer"))).toEqual(before);
});

test("X-API-Key is accepted wherever a bearer token is, and a bad one is refused", async () => {
  const me = await served.app.call("GET", "/api/session", { token: null, headers: { "x-api-key": served.app.tokens.editor } });
  expect(me.body.user).toMatchObject({ name: "test-editor", role: "editor" });
  const bad = await served.app.call("GET", "/api/sandboxes", { token: null, headers: { "x-api-key": "lin_wrong" } });
  expect(bad.status).toBe(401);
  expect(bad.body.error.code).toBe("unauthorized");
});

test("a sandbox cannot be named checkpoints, the segment these routes live under", async () => {
  const res = await served.app.call("PUT", "/api/sandboxes/sbx_reserved", { token: served.app.tokens.runtime, body: { name: "checkpoints", status: "running" } });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("name_reserved");
  expect((await served.app.call("GET", "/api/sandboxes/sbx_reserved")).status).toBe(404);
});
