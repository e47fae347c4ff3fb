/** What the signed-in role may do on the pages, and the sentence shown when it may not. */
import type { Role } from "../contract/enums";

const editors: readonly Role[] = ["editor", "admin"];

export type Permission = { allowed: true } | { allowed: false; reason: string };

/** `action` completes "… needs editor", e.g. "attaching patches". */
export function patchPermission(role: Role, action: string): Permission {
  return editors.includes(role) ? { allowed: true } : { allowed: false, reason: `Your role is ${role}: ${action} needs editor` };
}
