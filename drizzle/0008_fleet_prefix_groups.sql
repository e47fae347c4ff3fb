DROP INDEX "sandboxes_fleet_id_prefix_idx";--> statement-breakpoint
DROP INDEX "sandboxes_fleet_id_bucket_idx";--> statement-breakpoint
DROP INDEX "sandboxes_fleet_name_prefix_idx";--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_id_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","id" COLLATE "C","created_at","status","last_patch_sequence","failed_at_sequence");--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_id_bucket_idx" ON "sandboxes" USING btree ("based_on_snapshot_id",substr("id", 5, 2),"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"status","last_patch_sequence","failed_at_sequence");--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_name_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","name" COLLATE "C","created_at","id","status","last_patch_sequence","failed_at_sequence");