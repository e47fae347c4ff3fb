/**
 * Roles from the identity provider's claim: LINEAGE_OIDC_ROLE_MAP lists `idp-group:role` pairs,
 * and a user gets the highest role any of their groups maps to.
 */
import type { Role } from "../contract/enums";

/** Roles a person can hold through the provider, lowest first (runtime is for runtime clients' tokens). */
export const personRoles = ["viewer", "editor", "admin"] as const satisfies readonly Role[];
export type PersonRole = (typeof personRoles)[number];

export type RoleMap = ReadonlyMap<string, PersonRole>;

const isPersonRole = (v: string): v is PersonRole => (personRoles as readonly string[]).includes(v);

/** Parses `group:role,group:role`; a group may itself contain colons (the role follows the last one). */
export function parseRoleMap(text: string): { ok: true; map: RoleMap } | { ok: false; problem: string } {
  const map = new Map<string, PersonRole>();
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    if (!pair) continue;
    const colon = pair.lastIndexOf(":");
    const group = pair.slice(0, colon).trim();
    const role = pair.slice(colon + 1).trim();
    if (colon <= 0 || !group) return { ok: false, problem: `"${pair}" is not group:role` };
    if (!isPersonRole(role)) return { ok: false, problem: `"${pair}": the role must be one of ${personRoles.join(", ")}` };
    const earlier = map.get(group);
    if (earlier && earlier !== role) return { ok: false, problem: `group "${group}" is mapped twice (${earlier} and ${role})` };
    map.set(group, role);
  }
  return { ok: true, map };
}

export function parsePersonRole(text: string): PersonRole | null {
  return isPersonRole(text) ? text : null;
}

/**
 * The role for a claim value (a list of groups, or one group as a string): the highest mapped,
 * else the default, else null (the user is refused).
 */
export function roleForClaim(claim: unknown, map: RoleMap, defaultRole: PersonRole | undefined): PersonRole | null {
  const groups = typeof claim === "string" ? [claim] : Array.isArray(claim) ? claim.filter((g): g is string => typeof g === "string") : [];
  let best = -1;
  for (const group of groups) {
    const role = map.get(group);
    if (role) best = Math.max(best, personRoles.indexOf(role));
  }
  return best >= 0 ? personRoles[best]! : (defaultRole ?? null);
}
