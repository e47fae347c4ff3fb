import { sql } from "drizzle-orm";
import type { Actor } from "../audit";
import type { Db } from "../db/client";
import { upsertSnapshot } from "../lineage/snapshots";
import { attachPatch } from "../patches/patches";

/** The golden snapshot's patches, oldest first; the newest is still rolling out. */
const goldenPatches = [
  { script: "apt-get update && apt-get install -y ca-certificates", description: "Refresh CA certificates" },
  { script: "ssh-keygen -A", description: "Rotate SSH host keys" },
  { script: "apt-get install -y openssl=3.0.15-1", description: "Pin OpenSSL 3.0.15" },
  { script: "systemctl enable --now unattended-upgrades", description: "Enable unattended upgrades" },
];

export type GoldenFleet = {
  id: string;
  name: string;
  sandboxes: number;
  /** Bulk loads skip the per-row count trigger and rebuild fleet_counts once at the end. */
  bulk?: boolean;
  now?: number;
};

/**
 * A "golden" base snapshot with a large fleet: `sandboxes` rows inserted by one statement, spread
 * over the last days, in every rollout outcome (by position i mod 100): 0-54 applied #1-#3 with #4
 * pending, 55-69 up to date, 70-79 failed at #3 (so #4 is blocked), 80-84 failed at #1, 85-99
 * applied #1 only. Each failure has its run with output, as a real report would leave it.
 */
export async function seedGoldenFleet(db: Db, fleet: GoldenFleet, actor: Actor) {
  const now = fleet.now ?? Date.now();
  const spanMs = 5 * 24 * 3600_000;
  await upsertSnapshot(db, fleet.id, { name: fleet.name, status: "created", sizeBytes: 2 * 2 ** 30, createdAt: new Date(now - spanMs - 3600_000) }, actor);
  const patchIds: string[] = [];
  for (const p of goldenPatches) patchIds.push((await attachPatch(db, fleet.id, p, { ...actor, name: "support" })).patch.id);

  const countTrigger = (on: boolean) => db.execute(sql.raw(`ALTER TABLE sandboxes ${on ? "ENABLE" : "DISABLE"} TRIGGER sandboxes_fleet_counts`));
  if (fleet.bulk) await countTrigger(false);
  try {
    await db.execute(sql`
      INSERT INTO sandboxes (id, name, based_on_snapshot_id, status, last_patch_sequence, failed_at_sequence, created_at, updated_at)
      SELECT 'sbx_' || substr(md5(${fleet.id} || ':' || i), 1, 16),
        CASE WHEN i % 100 = 7 THEN ${fleet.name} || '-' || i END,
        ${fleet.id},
        (CASE WHEN i % 50 = 3 THEN 'failed' WHEN i % 4 = 1 THEN 'stopped' WHEN i % 25 = 2 THEN 'pending' ELSE 'running' END)::sandbox_status,
        CASE WHEN m < 55 THEN 3 WHEN m < 70 THEN 4 WHEN m < 80 THEN 2 WHEN m < 85 THEN 0 ELSE 1 END,
        CASE WHEN m BETWEEN 70 AND 79 THEN 3 WHEN m BETWEEN 80 AND 84 THEN 1 ELSE 0 END,
        t, t
      FROM generate_series(0, ${fleet.sandboxes - 1}) i,
        LATERAL (SELECT (i * 37) % 100 AS m, to_timestamp((${now - spanMs}::float8 + i * ${spanMs / fleet.sandboxes}::float8) / 1000) AS t) x`);
  } finally {
    if (fleet.bulk) await countTrigger(true);
  }
  if (fleet.bulk) await db.execute(sql`SELECT fleet_counts_rebuild()`);

  // The failed runs, with what the script printed.
  await db.execute(sql`
    INSERT INTO patch_applications (patch_id, sandbox_id, status, output, created_at)
    SELECT p.id, b.id, 'failed',
      CASE p.sequence WHEN 1 THEN E'E: Could not get lock /var/lib/dpkg/lock-frontend\\n'
        ELSE E'E: Version ''3.0.15-1'' for ''openssl'' was not found\\n' END,
      b.updated_at
    FROM sandboxes b JOIN patches p ON p.snapshot_id = b.based_on_snapshot_id AND p.sequence = b.failed_at_sequence
    WHERE b.based_on_snapshot_id = ${fleet.id} AND b.failed_at_sequence > 0`);
  return { patchIds };
}
