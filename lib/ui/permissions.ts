/** What the signed-in role may do on the pages, and the sentence shown when it may not. */
import type { Role, SnapshotStatus } from "../contract/enums";

const editors: readonly Role[] = ["editor", "admin"];

export type Permission = { allowed: true } | { allowed: false; reason: string };

/** `action` completes "… needs editor", e.g. "attaching patches". */
export function patchPermission(role: Role, action: string): Permission {
  return editors.includes(role) ? { allowed: true } : { allowed: false, reason: `Your role is ${role}: ${action} needs editor` };
}

/** Attaching needs an editor and a live snapshot (the API answers 409 snapshot_not_live for a deleted one). */
export function attachPermission(role: Role, status: SnapshotStatus): Permission {
  if (status === "deleted") return { allowed: false, reason: "This snapshot is deleted: it takes no new patches" };
  return patchPermission(role, "attaching patches");
}
