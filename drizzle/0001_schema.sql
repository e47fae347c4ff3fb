CREATE TYPE "public"."patch_application_status" AS ENUM('applied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'editor', 'runtime', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sandbox_status" AS ENUM('pending', 'running', 'stopping', 'stopped', 'failed', 'snapshotting');--> statement-breakpoint
CREATE TYPE "public"."snapshot_status" AS ENUM('created', 'failed', 'deleted');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor" text NOT NULL,
	"actor_role" "role" NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"details" text DEFAULT '{}' NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patch_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patch_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"patch_id" text NOT NULL,
	"sandbox_id" text NOT NULL,
	"status" "patch_application_status" NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"output_truncated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patches" (
	"id" text PRIMARY KEY NOT NULL,
	"snapshot_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"script" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"idempotency_key" text,
	"request_hash" text,
	CONSTRAINT "patches_sequence_positive" CHECK ("patches"."sequence" > 0)
);
--> statement-breakpoint
CREATE TABLE "sandboxes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"based_on_snapshot_id" text,
	"status" "sandbox_status" NOT NULL,
	"last_patch_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandboxes_last_patch_nonnegative" CHECK ("sandboxes"."last_patch_sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"parent_id" text,
	"source_sandbox_id" text,
	"status" "snapshot_status" NOT NULL,
	"size_bytes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "snapshots_size_nonnegative" CHECK ("snapshots"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "patch_applications" ADD CONSTRAINT "patch_applications_patch_id_patches_id_fk" FOREIGN KEY ("patch_id") REFERENCES "public"."patches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patch_applications" ADD CONSTRAINT "patch_applications_sandbox_id_sandboxes_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patches" ADD CONSTRAINT "patches_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandboxes" ADD CONSTRAINT "sandboxes_based_on_snapshot_id_snapshots_id_fk" FOREIGN KEY ("based_on_snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_parent_id_snapshots_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_source_sandbox_id_sandboxes_id_fk" FOREIGN KEY ("source_sandbox_id") REFERENCES "public"."sandboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_newest_idx" ON "audit_events" USING btree ("id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patch_applications_sandbox_patch_idx" ON "patch_applications" USING btree ("sandbox_id","patch_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "patches_snapshot_sequence_key" ON "patches" USING btree ("snapshot_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "patches_snapshot_idempotency_key" ON "patches" USING btree ("snapshot_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sandboxes_name_key" ON "sandboxes" USING btree ("name");--> statement-breakpoint
CREATE INDEX "sandboxes_based_on_newest_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sandboxes_recent_idx" ON "sandboxes" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sandboxes_id_trgm_idx" ON "sandboxes" USING gin ("id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sandboxes_name_trgm_idx" ON "sandboxes" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_name_key" ON "snapshots" USING btree ("name");--> statement-breakpoint
CREATE INDEX "snapshots_parent_newest_idx" ON "snapshots" USING btree ("parent_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "snapshots_source_newest_idx" ON "snapshots" USING btree ("source_sandbox_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "snapshots_id_trgm_idx" ON "snapshots" USING gin ("id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "snapshots_name_trgm_idx" ON "snapshots" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_secret_hash_key" ON "tokens" USING btree ("secret_hash");