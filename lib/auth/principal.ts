import type { Role } from "../contract/enums";

/** Who a request acts for: an API token (tok_…) or a user signed in through the identity provider (usr_…). */
export type Principal = { kind: "token" | "user"; id: string; name: string; role: Role };

/** How the audit log and the pages name a provider user: email first, then name, then subject. */
export const userDisplayName = (u: { email: string | null; name: string | null; subject: string }) => u.email ?? u.name ?? u.subject;
