/** Which snapshot a /lineage/{ref} page is anchored at: a snapshot itself, or a sandbox's current snapshot. */
import type { SandboxDetail, SnapshotView } from "../client";
import { api, isNotFound } from "./api";

export type ResolvedAnchor =
  | { kind: "snapshot"; snapshot: SnapshotView; anchorId: string }
  | { kind: "sandbox"; sandbox: SandboxDetail; anchorId: string | null };

const fromSnapshot = async (ref: string): Promise<ResolvedAnchor> => {
  const { snapshot } = await api.snapshot(ref);
  return { kind: "snapshot", snapshot, anchorId: snapshot.id };
};

const fromSandbox = async (ref: string): Promise<ResolvedAnchor> => {
  const { sandbox } = await api.sandbox(ref);
  return { kind: "sandbox", sandbox, anchorId: sandbox.currentSnapshotId };
};

/** Ids say what they are; a bare name is tried as a sandbox first, then as a snapshot. */
export async function resolveAnchor(ref: string): Promise<ResolvedAnchor> {
  if (ref.startsWith("snap_")) return fromSnapshot(ref);
  if (ref.startsWith("sbx_")) return fromSandbox(ref);
  try {
    return await fromSandbox(ref);
  } catch (err) {
    if (isNotFound(err)) return fromSnapshot(ref);
    throw err;
  }
}
