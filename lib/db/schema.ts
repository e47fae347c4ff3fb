import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const snapshotStatus = pgEnum("snapshot_status", ["created", "failed", "deleted"]);
export const sandboxStatus = pgEnum("sandbox_status", [
  "pending",
  "running",
  "stopping",
  "stopped",
  "failed",
  "snapshotting",
]);
export const applicationStatus = pgEnum("patch_application_status", ["applied", "failed"]);
export const role = pgEnum("role", ["viewer", "editor", "runtime", "admin"]);

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
    check("sandboxes_last_patch_nonnegative", sql`${t.lastPatchSequence} >= 0`),
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
  (t) => [uniqueIndex("tokens_secret_hash_key").on(t.secretHash)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
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
