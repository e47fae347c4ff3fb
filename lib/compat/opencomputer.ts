/**
 * Lineage's patches in the shapes of OpenComputer's checkpoint-patch API
 * (`/api/sandboxes/checkpoints/{checkpointId}/patches`), as `@opencomputer/sdk` reads them.
 * A checkpoint is a Lineage snapshot; its patches run when a sandbox started from it wakes.
 */
import type { PatchView } from "../patches/patches";

/** How OpenComputer names "applied on the sandbox's next wake", the only way Lineage applies patches. */
export const STRATEGY = "on_wake";

export function openComputerPatch(p: PatchView) {
  return {
    id: p.id,
    checkpointId: p.snapshotId,
    sequence: p.sequence,
    script: p.script,
    description: p.description,
    strategy: STRATEGY,
    createdAt: p.createdAt,
  };
}
