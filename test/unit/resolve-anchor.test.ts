import { describe, expect, test, vi } from "vitest";
import type { SandboxDetail, SnapshotView } from "@/lib/client";
import { resolveAnchor, type AnchorSources } from "@/lib/ui/resolve-anchor";

class NotFound extends Error {}
const snapshot = { id: "snap_1", name: "my-env" } as SnapshotView;
const sandbox = (currentSnapshotId: string | null) => ({ id: "sbx_1", name: "my-box", currentSnapshotId }) as SandboxDetail;

/** Sources that know one snapshot and one sandbox by name and id, and count their lookups. */
function sources(current: string | null = "snap_9"): AnchorSources & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    snapshot: vi.fn(async (ref: string) => {
      calls.push(`snapshot ${ref}`);
      if (ref === "snap_1" || ref === "my-env") return snapshot;
      throw new NotFound(ref);
    }),
    sandbox: vi.fn(async (ref: string) => {
      calls.push(`sandbox ${ref}`);
      if (ref === "sbx_1" || ref === "my-box") return sandbox(current);
      throw new NotFound(ref);
    }),
    isNotFound: (err) => err instanceof NotFound,
  };
}

describe("resolveAnchor", () => {
  test("an id goes straight to its kind", async () => {
    const s = sources();
    expect(await resolveAnchor("snap_1", s)).toEqual({ kind: "snapshot", snapshot, anchorId: "snap_1" });
    expect(await resolveAnchor("sbx_1", s)).toEqual({ kind: "sandbox", sandbox: sandbox("snap_9"), anchorId: "snap_9" });
    expect(s.calls).toEqual(["snapshot snap_1", "sandbox sbx_1"]);
  });

  test("a name is tried as a sandbox first, then as a snapshot", async () => {
    const s = sources();
    expect((await resolveAnchor("my-box", s)).anchorId).toBe("snap_9");
    expect((await resolveAnchor("my-env", s)).kind).toBe("snapshot");
    expect(s.calls).toEqual(["sandbox my-box", "sandbox my-env", "snapshot my-env"]);
  });

  test("a sandbox with no snapshot yet has no anchor", async () => {
    expect(await resolveAnchor("my-box", sources(null))).toMatchObject({ kind: "sandbox", anchorId: null });
  });

  test("unknown everywhere is the snapshot lookup's not-found; other failures are not retried as a snapshot", async () => {
    await expect(resolveAnchor("nothing", sources())).rejects.toBeInstanceOf(NotFound);
    const down = { ...sources(), sandbox: async () => Promise.reject(new Error("server down")) };
    await expect(resolveAnchor("my-env", down)).rejects.toThrow("server down");
  });
});
