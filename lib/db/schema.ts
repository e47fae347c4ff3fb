import { sql } from "drizzle-orm";
import {
  bigint,
  primaryKey,
  smallint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

import { applicationStatuses, roles, sandboxStatuses, snapshotStatuses } from "../contract/enums";
import type { SandboxSummary } from "../sandbox-summary";

export const snapshotStatus = pgEnum("snapshot_status", snapshotStatuses);
export const sandboxStatus = pgEnum("sandbox_status", sandboxStatuses);
export const applicationStatus = pgEnum("patch_application_status", applicationStatuses);
export const role = pgEnum("role", roles);

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const snapshots = pgTable(
  "snapshots",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    // Derived from the source sandbox's basedOnSnapshotId; kept denormalised so walks follow one column.
    parentId: text("parent_id").references((): AnyPgColumn => snapshots.id),
    sourceSandboxId: text("source_sandbox_id").references((): AnyPgColumn => sandboxes.id),
    status: snapshotStatus("status").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    // Highest patch sequence ever handed out; bumped atomically so sequences never repeat or skip.
    lastSequence: integer("last_sequence").notNull().default(0),
    // Generations below its root (a root is 0) and that root; kept exact when lineage arrives out of order.
    depth: integer("depth").notNull().default(0),
    rootId: text("root_id").notNull(),
    // Skip pointers for ancestor lookups in a few probes at any depth (lib/lineage/ancestry.ts explains
    // the scheme): ancestor ids, and their created_at at the same positions.
    skipIds: text("skip_ids").array().notNull().default(sql`'{}'::text[]`),
    skipCreatedAt: timestamp("skip_created_at", { withTimezone: true, mode: "date" }).array().notNull().default(sql`'{}'::timestamptz[]`),
  },
  (t) => [
    uniqueIndex("snapshots_name_key").on(t.name),
    index("snapshots_parent_newest_idx").on(t.parentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("snapshots_source_newest_idx").on(t.sourceSandboxId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // NULLS FIRST is what `ORDER BY created_at DESC` means: only then can the index give that order
    // (and a LIMIT stop early) instead of a sort. Search reads the newest matches from this one.
    index("snapshots_newest_idx").on(t.createdAt.desc().nullsFirst(), t.id),
    // Search's exact matches: ids compare case-insensitively.
    index("snapshots_id_lower_idx").on(sql`lower(${t.id})`),
    index("snapshots_id_trgm_idx").using("gin", sql`${t.id} gin_trgm_ops`),
    index("snapshots_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    check("snapshots_size_nonnegative", sql`${t.sizeBytes} >= 0`),
  ],
);

export const sandboxes = pgTable(
  "sandboxes",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    basedOnSnapshotId: text("based_on_snapshot_id").references((): AnyPgColumn => snapshots.id),
    status: sandboxStatus("status").notNull(),
    lastPatchSequence: integer("last_patch_sequence").notNull().default(0),
    // Sequence its latest run failed at (0 = none): set by a failed result, cleared by an applied one.
    // It counts as "failed" only while that patch is live and above lastPatchSequence.
    failedAtSequence: integer("failed_at_sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandboxes_name_key").on(t.name),
    index("sandboxes_based_on_newest_idx").on(t.basedOnSnapshotId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("sandboxes_recent_idx").on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("sandboxes_newest_idx").on(t.createdAt.desc().nullsFirst(), t.id),
    index("sandboxes_id_lower_idx").on(sql`lower(${t.id})`),
    index("sandboxes_id_trgm_idx").using("gin", sql`${t.id} gin_trgm_ops`),
    index("sandboxes_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    // The fleet list filtered by patch state or status: one range per (status, last, failed) group,
    // each newest first, merged (lib/fleet). The groups come from fleet_counts.
    index("sandboxes_fleet_group_idx").on(
      t.basedOnSnapshotId,
      t.status,
      t.lastPatchSequence,
      t.failedAtSequence,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Id and name prefix search within a fleet (byte order, so a prefix is one range), holding the
    // walk's key (created_at, id) and the group (status, last, failed) so a page's matches are
    // found, filtered by state or status and sorted from the index alone.
    index("sandboxes_fleet_id_prefix_idx").on(t.basedOnSnapshotId, sql`${t.id} COLLATE "C"`, t.createdAt, t.status, t.lastPatchSequence, t.failedAtSequence),
    // An id prefix's newest-first walk: the two characters after "sbx_" split a fleet into buckets,
    // each newest first, with the group for state and status filters (lib/fleet/list.ts prefixPage
    // writes the same expression).
    index("sandboxes_fleet_id_bucket_idx").on(
      t.basedOnSnapshotId,
      sql`substr(${t.id}, 5, 2)`,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.status,
      t.lastPatchSequence,
      t.failedAtSequence,
    ),
    index("sandboxes_fleet_name_prefix_idx").on(t.basedOnSnapshotId, sql`${t.name} COLLATE "C"`, t.createdAt, t.id, t.status, t.lastPatchSequence, t.failedAtSequence),
    check("sandboxes_last_patch_nonnegative", sql`${t.lastPatchSequence} >= 0`),
    check("sandboxes_failed_at_nonnegative", sql`${t.failedAtSequence} >= 0`),
  ],
);

export const patches = pgTable(
  "patches",
  {
    id: text("id").primaryKey(),
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => snapshots.id),
    sequence: integer("sequence").notNull(),
    script: text("script").notNull(),
    description: text("description").notNull().default(""),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true, mode: "date" }),
    removedBy: text("removed_by"),
    idempotencyKey: text("idempotency_key"),
    // Hash of the attach request, so a reused key with a different body is refused.
    requestHash: text("request_hash"),
  },
  (t) => [
    uniqueIndex("patches_snapshot_sequence_key").on(t.snapshotId, t.sequence),
    uniqueIndex("patches_snapshot_idempotency_key").on(t.snapshotId, t.idempotencyKey),
    check("patches_sequence_positive", sql`${t.sequence} > 0`),
  ],
);

export const patchApplications = pgTable(
  "patch_applications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    patchId: text("patch_id")
      .notNull()
      .references(() => patches.id),
    sandboxId: text("sandbox_id")
      .notNull()
      .references(() => sandboxes.id),
    status: applicationStatus("status").notNull(),
    output: text("output").notNull().default(""),
    outputTruncated: boolean("output_truncated").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("patch_applications_sandbox_patch_idx").on(t.sandboxId, t.patchId, t.createdAt.desc())],
);

export const tokens = pgTable(
  "tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    role: role("role").notNull(),
    // SHA-256 of the secret; the secret itself is shown once and never stored.
    secretHash: text("secret_hash").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("tokens_secret_hash_key").on(t.secretHash),
    // Live token names are unique, so a name in a list or the audit log means one token.
    uniqueIndex("tokens_live_name_key").on(t.name).where(sql`${t.revokedAt} IS NULL`),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // The token (tok_…) or user (usr_…) that made the change; `actor` is its name at the time.
    actorId: text("actor_id").notNull(),
    actor: text("actor").notNull(),
    actorRole: role("actor_role").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: text("details").notNull().default("{}"),
    requestId: text("request_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_newest_idx").on(t.id.desc())],
);

/**
 * Exact counts of each snapshot's sandboxes, by (status, lastPatchSequence, failedAtSequence):
 * every count the fleet shows (total, by status, by patch state, each patch's rollout) is a sum
 * over these few groups, so reading it costs what the groups cost, not what the fleet costs.
 * Kept by a trigger on sandboxes in the same transaction as the change (drizzle/0003), spread
 * over 16 shards per group (by sandbox id) so writers to one popular snapshot do not queue
 * behind one row. Patch attach and remove write nothing here: states are derived on read.
 */
export const fleetCounts = pgTable(
  "fleet_counts",
  {
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => snapshots.id),
    shard: smallint("shard").notNull(),
    status: sandboxStatus("status").notNull(),
    lastPatchSequence: integer("last_patch_sequence").notNull(),
    failedAtSequence: integer("failed_at_sequence").notNull(),
    sandboxes: bigint("sandboxes", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.shard, t.status, t.lastPatchSequence, t.failedAtSequence] })],
);

/** People who signed in through the identity provider (OIDC). */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email"),
    name: text("name"),
    // Re-evaluated from the provider's claims at every sign-in.
    role: role("role").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject)],
);

/**
 * Browser sessions, server-side so that signing out, revoking the token a session came from, or
 * an admin ending a user's sessions ends them at once. The cookie carries a random secret; only
 * its hash is stored.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    // Exactly one of the two: the token signed in with, or the user signed in through the provider.
    tokenId: text("token_id").references(() => tokens.id),
    userId: text("user_id").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    // The provider's ID token, kept to end the provider session at sign-out (id_token_hint).
    idToken: text("id_token"),
  },
  (t) => [
    uniqueIndex("sessions_secret_hash_key").on(t.secretHash),
    index("sessions_token_idx").on(t.tokenId),
    index("sessions_user_idx").on(t.userId),
    check("sessions_one_principal", sql`(${t.tokenId} IS NULL) <> (${t.userId} IS NULL)`),
  ],
);

/**
 * What changed in the lineage, in commit order, for live views (lib/events). Written in the same
 * transaction as the change, so a rolled-back write leaves no event. Rows carry the ids they touch
 * and, for a sandbox's changes, its facts as of that commit; anything else readers fetch themselves.
 */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text("kind").notNull(),
    // The snapshot it concerns: the snapshot itself, the one a patch is on, or a sandbox's base.
    snapshotId: text("snapshot_id"),
    // For a snapshot, its parent: a new child shows in its parent's stream.
    parentSnapshotId: text("parent_snapshot_id"),
    sandboxId: text("sandbox_id"),
    patchId: text("patch_id"),
    // For `sandbox` and `patch.result`: what the sandbox shows after the change, so an open view redraws it without a request.
    sandbox: jsonb("sandbox").$type<SandboxSummary>(),
    createdAt: createdAt(),
  },
  (t) => [index("events_snapshot_idx").on(t.snapshotId, t.id), index("events_sandbox_idx").on(t.sandboxId, t.id), index("events_parent_idx").on(t.parentSnapshotId, t.id)],
);
