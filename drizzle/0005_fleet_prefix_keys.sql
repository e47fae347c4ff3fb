DROP INDEX "sandboxes_fleet_id_prefix_idx";--> statement-breakpoint
DROP INDEX "sandboxes_fleet_name_prefix_idx";--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_id_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","id" COLLATE "C","created_at");--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_name_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","name" COLLATE "C","created_at","id");