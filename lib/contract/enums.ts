/**
 * Every enumerated value of the domain, declared once. The database enums (lib/db/schema.ts),
 * the API's validation, the UI's labels and the CLI derive from these lists.
 */
export const snapshotStatuses = ["created", "failed", "deleted"] as const;
export type SnapshotStatus = (typeof snapshotStatuses)[number];

export const sandboxStatuses = ["pending", "running", "stopping", "stopped", "failed", "snapshotting"] as const;
export type SandboxStatus = (typeof sandboxStatuses)[number];

/** The outcome of one patch run on one sandbox. */
export const applicationStatuses = ["applied", "failed"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const roles = ["viewer", "editor", "runtime", "admin"] as const;
export type Role = (typeof roles)[number];

/**
 * Patch state of a sandbox against its base snapshot's live patches: nothing pending, live
 * patches above its lastPatchSequence, or its last run failed (at a live patch).
 */
export const sandboxStates = ["upToDate", "pending", "failed"] as const;
export type SandboxState = (typeof sandboxStates)[number];

/**
 * State of one sandbox against one patch P of sequence s: applied (lastPatchSequence ≥ s),
 * failed (its run failed at s), blocked (a run failed at an earlier live sequence), pending.
 */
export const patchStates = ["applied", "pending", "blocked", "failed"] as const;
export type PatchState = (typeof patchStates)[number];

/** Every state a fleet sandbox can be listed in: against the live patches, or against one patch. */
export const fleetStates = ["upToDate", "applied", "pending", "blocked", "failed"] as const satisfies readonly (SandboxState | PatchState)[];
export type FleetState = (typeof fleetStates)[number];

export const sortOrders = ["desc", "asc"] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Who may call a route: `public` (no sign-in), `viewer` (any signed-in role), or a role. */
export const accessLevels = ["public", "viewer", "editor", "runtime", "admin"] as const;
export type Access = (typeof accessLevels)[number];

/** What a search hit is. */
export const searchKinds = ["sandbox", "snapshot"] as const;
export type SearchKind = (typeof searchKinds)[number];
