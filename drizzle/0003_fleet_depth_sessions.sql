CREATE TABLE "fleet_counts" (
	"snapshot_id" text NOT NULL,
	"shard" smallint NOT NULL,
	"status" "sandbox_status" NOT NULL,
	"last_patch_sequence" integer NOT NULL,
	"failed_at_sequence" integer NOT NULL,
	"sandboxes" bigint NOT NULL,
	CONSTRAINT "fleet_counts_snapshot_id_shard_status_last_patch_sequence_failed_at_sequence_pk" PRIMARY KEY("snapshot_id","shard","status","last_patch_sequence","failed_at_sequence")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"token_id" text,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"id_token" text,
	CONSTRAINT "sessions_one_principal" CHECK (("sessions"."token_id" IS NULL) <> ("sessions"."user_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"email" text,
	"name" text,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_id" text;--> statement-breakpoint
-- Earlier events named their caller only: attribute each to the first token of that name.
UPDATE "audit_events" a SET "actor_id" = coalesce(
  (SELECT t."id" FROM "tokens" t WHERE t."name" = a."actor" ORDER BY t."created_at", t."id" LIMIT 1), 'unknown');--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sandboxes" ADD COLUMN "failed_at_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "depth" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "root_id" text;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "skip_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "skip_created_at" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL;--> statement-breakpoint
ALTER TABLE "fleet_counts" ADD CONSTRAINT "fleet_counts_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_token_id_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_secret_hash_key" ON "sessions" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "sessions_token_idx" ON "sessions" USING btree ("token_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_issuer_subject_key" ON "users" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_group_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","status","last_patch_sequence","failed_at_sequence","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_id_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","id" COLLATE "C");--> statement-breakpoint
CREATE INDEX "sandboxes_fleet_name_prefix_idx" ON "sandboxes" USING btree ("based_on_snapshot_id","name" COLLATE "C");--> statement-breakpoint
-- Live token names become unique: older live namesakes get their id appended.
UPDATE "tokens" t SET "name" = t."name" || '-' || t."id"
WHERE t."revoked_at" IS NULL AND EXISTS (
  SELECT 1 FROM "tokens" n WHERE n."name" = t."name" AND n."revoked_at" IS NULL AND (n."created_at", n."id") > (t."created_at", t."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_live_name_key" ON "tokens" USING btree ("name") WHERE "tokens"."revoked_at" IS NULL;--> statement-breakpoint
ALTER TABLE "sandboxes" ADD CONSTRAINT "sandboxes_failed_at_nonnegative" CHECK ("sandboxes"."failed_at_sequence" >= 0);;--> statement-breakpoint
-- Where each sandbox's latest run failed, above what it has applied (what the views derived per read).
UPDATE "sandboxes" b SET "failed_at_sequence" = f."sequence"
FROM (
  SELECT DISTINCT ON (a."sandbox_id") a."sandbox_id", p."sequence"
  FROM "patch_applications" a
  JOIN "patches" p ON p."id" = a."patch_id"
  JOIN "sandboxes" s ON s."id" = a."sandbox_id"
  WHERE a."status" = 'failed' AND p."sequence" > s."last_patch_sequence"
  ORDER BY a."sandbox_id", a."created_at" DESC, a."id" DESC
) f
WHERE b."id" = f."sandbox_id";--> statement-breakpoint
-- fleet_counts follows every sandbox insert, update and delete in the same transaction. Both
-- changes of one row go in one statement, ordered by key, so two writers moving sandboxes
-- between the same two groups in opposite directions take the rows in the same order (no deadlock).
CREATE FUNCTION "fleet_counts_track"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key "fleet_counts";
  new_key "fleet_counts";
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_key := ROW(OLD."based_on_snapshot_id", (hashtext(OLD."id") & 15)::smallint, OLD."status",
                   OLD."last_patch_sequence", OLD."failed_at_sequence", -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_key := ROW(NEW."based_on_snapshot_id", (hashtext(NEW."id") & 15)::smallint, NEW."status",
                   NEW."last_patch_sequence", NEW."failed_at_sequence", 1);
  END IF;
  -- Most updates (a touched updated_at, a repeated report) leave the row in its group.
  IF (old_key."snapshot_id", old_key."shard", old_key."status", old_key."last_patch_sequence", old_key."failed_at_sequence")
     IS NOT DISTINCT FROM
     (new_key."snapshot_id", new_key."shard", new_key."status", new_key."last_patch_sequence", new_key."failed_at_sequence") THEN
    RETURN NULL;
  END IF;
  INSERT INTO "fleet_counts" AS f
  SELECT d."snapshot_id", d."shard", d."status", d."last_patch_sequence", d."failed_at_sequence", sum(d."sandboxes")
  FROM (SELECT (old_key).* UNION ALL SELECT (new_key).*) d
  WHERE d."snapshot_id" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d."sandboxes") <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("snapshot_id", "shard", "status", "last_patch_sequence", "failed_at_sequence")
  DO UPDATE SET "sandboxes" = f."sandboxes" + excluded."sandboxes";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "sandboxes_fleet_counts" AFTER INSERT OR UPDATE OR DELETE ON "sandboxes"
FOR EACH ROW EXECUTE FUNCTION "fleet_counts_track"();--> statement-breakpoint
-- Recounts fleet_counts from the rows: for this migration and for bulk loads that bypass triggers.
CREATE FUNCTION "fleet_counts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "fleet_counts";
  INSERT INTO "fleet_counts"
  SELECT "based_on_snapshot_id", (hashtext("id") & 15)::smallint, "status", "last_patch_sequence", "failed_at_sequence", count(*)
  FROM "sandboxes" WHERE "based_on_snapshot_id" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
$$;--> statement-breakpoint
SELECT "fleet_counts_rebuild"();--> statement-breakpoint
-- Skip pointers of a snapshot from its parent's (lib/lineage/ancestry.ts has the same rule for one
-- row): pointer k (array position k + 1) of a snapshot at depth d >= 1 is its ancestor at depth
-- ((d - 1) >> k) << k, for k = 0 .. bit length of d - 1; k = 0 is the parent, the last one the
-- root. It is the parent itself when the low k bits of d - 1 (the parent's depth) are zero, else
-- the parent's pointer k, or the root where the parent has none. Used for the ids and, with the
-- same positions, for their created_at.
CREATE FUNCTION "skip_pointers"("parent" anyelement, "parent_depth" integer, "parent_skips" anyarray, "root" anyelement)
RETURNS anyarray LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(
    SELECT CASE WHEN ("parent_depth" & ((1 << k) - 1)) = 0 THEN "parent" ELSE coalesce("parent_skips"[k + 1], "root") END
    FROM generate_series(0, 31) k
    WHERE k = 0 OR ("parent_depth" >> (k - 1)) > 0
    ORDER BY k)
$$;--> statement-breakpoint
-- Recomputes depth, root and skip pointers of the snapshots `start_ids` (every root when NULL) and
-- of everything below them, from their parents' current values, in one statement; returns how many
-- rows changed. A re-attached subtree costs its own size, nothing more. Snapshots that no root
-- reaches (a loop the earlier API let in) are not walked: they stay depth 0, their own root.
CREATE FUNCTION "snapshot_ancestry_repair"("start_ids" text[]) RETURNS bigint LANGUAGE sql AS $$
  WITH RECURSIVE "walk" AS (
    SELECT s."id", s."created_at",
      coalesce(p."depth" + 1, 0) AS "depth",
      coalesce(p."root_id", s."id") AS "root_id",
      CASE WHEN p."id" IS NULL THEN s."created_at" WHEN p."depth" = 0 THEN p."created_at"
           ELSE p."skip_created_at"[array_length(p."skip_created_at", 1)] END AS "root_created_at",
      CASE WHEN p."id" IS NULL THEN '{}'::text[] ELSE "skip_pointers"(p."id", p."depth", p."skip_ids", p."root_id") END AS "skip_ids",
      CASE WHEN p."id" IS NULL THEN '{}'::timestamptz[] ELSE "skip_pointers"(p."created_at", p."depth", p."skip_created_at",
        CASE WHEN p."depth" = 0 THEN p."created_at" ELSE p."skip_created_at"[array_length(p."skip_created_at", 1)] END) END AS "skip_created_at"
    FROM "snapshots" s LEFT JOIN "snapshots" p ON p."id" = s."parent_id"
    WHERE CASE WHEN "start_ids" IS NULL THEN s."parent_id" IS NULL ELSE s."id" = ANY("start_ids") END
    UNION ALL
    SELECT c."id", c."created_at", w."depth" + 1, w."root_id", w."root_created_at",
      "skip_pointers"(w."id", w."depth", w."skip_ids", w."root_id"),
      "skip_pointers"(w."created_at", w."depth", w."skip_created_at", w."root_created_at")
    FROM "walk" w JOIN "snapshots" c ON c."parent_id" = w."id"
  ),
  "changed" AS (
    UPDATE "snapshots" s
    SET "depth" = w."depth", "root_id" = w."root_id", "skip_ids" = w."skip_ids", "skip_created_at" = w."skip_created_at"
    FROM "walk" w
    WHERE s."id" = w."id"
      AND (s."depth", s."root_id", s."skip_ids", s."skip_created_at") IS DISTINCT FROM (w."depth", w."root_id", w."skip_ids", w."skip_created_at")
    RETURNING 1
  )
  SELECT count(*) FROM "changed"
$$;--> statement-breakpoint
SELECT "snapshot_ancestry_repair"(NULL);--> statement-breakpoint
UPDATE "snapshots" SET "root_id" = "id" WHERE "root_id" IS NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ALTER COLUMN "root_id" SET NOT NULL;