/** Which snapshot a /lineage/{ref} page is anchored at: a snapshot itself, or a sandbox's current snapshot. */
import type { SandboxDetail, SnapshotView } from "../client";

export type ResolvedAnchor =
  | { kind: "snapshot"; snapshot: SnapshotView; anchorId: string }
  | { kind: "sandbox"; sandbox: SandboxDetail; anchorId: string | null };

/** Where the lookups go: the API from the browser, the database directly when the server renders the page. */
export type AnchorSources = {
  snapshot: (ref: string) => Promise<SnapshotView>;
  sandbox: (ref: string) => Promise<SandboxDetail>;
  isNotFound: (error: unknown) => boolean;
};

/** Ids say what they are; a bare name is tried as a sandbox first, then as a snapshot. */
export async function resolveAnchor(ref: string, sources: AnchorSources): Promise<ResolvedAnchor> {
  const fromSnapshot = async (): Promise<ResolvedAnchor> => {
    const snapshot = await sources.snapshot(ref);
    return { kind: "snapshot", snapshot, anchorId: snapshot.id };
  };
  const fromSandbox = async (): Promise<ResolvedAnchor> => {
    const sandbox = await sources.sandbox(ref);
    return { kind: "sandbox", sandbox, anchorId: sandbox.currentSnapshotId };
  };
  if (ref.startsWith("snap_")) return fromSnapshot();
  if (ref.startsWith("sbx_")) return fromSandbox();
  try {
    return await fromSandbox();
  } catch (err) {
    if (sources.isNotFound(err)) return fromSnapshot();
    throw err;
  }
}
