DROP INDEX IF EXISTS "sandboxes_based_on_newest_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "sandboxes_recent_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "snapshots_parent_newest_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "snapshots_source_newest_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandboxes_newest_idx" ON "sandboxes" USING btree ("created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandboxes_id_lower_idx" ON "sandboxes" USING btree (lower("id"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "snapshots_newest_idx" ON "snapshots" USING btree ("created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "snapshots_id_lower_idx" ON "snapshots" USING btree (lower("id"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandboxes_based_on_newest_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sandboxes_recent_idx" ON "sandboxes" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "snapshots_parent_newest_idx" ON "snapshots" USING btree ("parent_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "snapshots_source_newest_idx" ON "snapshots" USING btree ("source_sandbox_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);