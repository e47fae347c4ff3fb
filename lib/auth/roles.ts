import type { Access, Role } from "../contract/enums";

const grants: Record<Exclude<Access, "public">, readonly Role[]> = {
  viewer: ["viewer", "editor", "runtime", "admin"],
  editor: ["editor", "admin"],
  runtime: ["runtime", "admin"],
  admin: ["admin"],
};

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === "public") return true;
  return role !== undefined && grants[access].includes(role);
}

export function describeAccess(access: Exclude<Access, "public">): string {
  return access === "viewer" ? "any signed-in role" : `the ${grants[access].join(" or ")} role`;
}
