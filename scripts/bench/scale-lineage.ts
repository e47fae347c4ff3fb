import { sql } from "drizzle-orm";
import type { Db } from "../../lib/db/client";
import { rows } from "../../lib/db/client";

/**
 * A synthetic lineage of any size, generated inside the database with INSERT … SELECT
 * generate_series (no row-by-row round trips). Snapshot i (1-based) is taken of sandbox i,
 * and sandbox i was started from parent(i), so parent_id = the source's based_on_snapshot_id
 * holds by construction. Shape:
 *  - a long chain 1 → 2 → … → chainDepth (up to 12 000 deep);
 *  - after it, short chains with random forks (a random recursive tree, ~1 root per 997);
 *  - hubs (i ≡ hubEvery/2 mod hubEvery, hubEvery = 1000 from 8 000 snapshots up): 300 extra
 *    sandboxes, ~hubEvery/8 child snapshots, 3 patches
 *    (the third removed) with applied and failed runs on their sandboxes;
 *  - every third snapshot has one extra sandbox; every 50th a patch; every 100th a name.
 */
export type ScaleShape = { snapshots: number; chainDepth: number; hubEvery: number; hubSandboxes: number };

export function scaleShape(snapshots: number): ScaleShape {
  if (!Number.isInteger(snapshots) || snapshots < 100) throw new Error("A scale lineage needs at least 100 snapshots.");
  return {
    snapshots,
    chainDepth: Math.min(12_000, Math.floor(snapshots / 4)),
    // Even, so hubs sit at odd multiples of half of it; small lineages still get several hubs.
    hubEvery: Math.min(1000, 2 * Math.floor(snapshots / 8)),
    hubSandboxes: 300,
  };
}

/** Names the seed gives to snapshots the benchmarks anchor on. */
export const anchorNames = (shape: ScaleShape) => ({
  /** The chain's base image; its name carries the size, so a seeded database is recognised. */
  chainRoot: `scale-root-n${shape.snapshots}`,
  chainMid: "scale-chain-mid",
  chainTip: "scale-chain-tip",
  /** A hub on the long chain: hundreds of sibling sandboxes and many forks. */
  chainHub: "scale-chain-hub",
  /** A hub in the bushy part. */
  bushyHub: "scale-bushy-hub",
});

const BATCH = 100_000;
const T0 = "timestamptz '2024-01-01 00:00:00+00'";

// Deterministic pseudo-random ids and numbers from a key expression.
const hexOf = (key: string, len = 16) => `substr(md5(${key}), 1, ${len})`;
const hashOf = (key: string) => `(('x' || substr(md5(${key}), 1, 8))::bit(32)::int & 2147483647)`;
const snapId = (i: string) => `'snap_' || ${hexOf(`'snap-' || ${i}`)}`;
const sbxId = (key: string) => `'sbx_' || ${hexOf(`'sbx-' || ${key}`)}`;
const patId = (j: string, seq: string) => `'pat_' || ${hexOf(`'pat-' || ${j} || '-' || ${seq}`)}`;
const createdAt = (i: string) => `${T0} + (${i}) * interval '1 minute'`;

const lastHubAtOrBelow = (s: ScaleShape, i: string) =>
  `((${i} - ${s.hubEvery / 2}) / ${s.hubEvery}) * ${s.hubEvery} + ${s.hubEvery / 2}`;

/** Index of snapshot i's parent (NULL for a base image): the one place the shape's edges are defined. */
function parentIndex(s: ScaleShape, i: string) {
  const hub = lastHubAtOrBelow(s, i);
  return `CASE
    WHEN ${i} = 1 THEN NULL
    WHEN ${i} <= ${s.chainDepth} THEN ${i} - 1
    WHEN (${i} - ${s.chainDepth}) % 997 = 1 THEN NULL
    WHEN ${i} % 4 <> 0 THEN ${i} - 1
    WHEN ${i} % 8 = 0 AND ${i} > ${s.hubEvery / 2} AND ${hub} < ${i} THEN ${hub}
    ELSE 1 + ${hashOf(`'p-' || ${i}`)} % (${i} - 1) END`;
}

const isHub = (s: ScaleShape, j: string) => `(${j} % ${s.hubEvery} = ${s.hubEvery / 2})`;
const extraSandboxes = (s: ScaleShape, j: string) => `CASE WHEN ${isHub(s, j)} THEN ${s.hubSandboxes} WHEN ${j} % 3 = 0 THEN 1 ELSE 0 END`;
const patchCount = (s: ScaleShape, j: string) => `CASE WHEN ${isHub(s, j)} THEN 3 WHEN ${j} % 50 = 0 THEN 1 ELSE 0 END`;
// On hubs, extra sandbox k: k%3=0 applied #1 and #2; k%3=1 applied #1 then failed #2; k%3=2 nothing yet.
const hubLastPatch = (k: string) => `CASE ${k} % 3 WHEN 0 THEN 2 WHEN 1 THEN 1 ELSE 0 END`;

function batchStatements(s: ScaleShape, from: number, to: number): string[] {
  const series = `generate_series(${from}, ${to}) AS i`;
  return [
    // root_id is a placeholder: depth, root and skip pointers are computed once the load is done.
    `INSERT INTO snapshots (id, root_id, name, parent_id, source_sandbox_id, status, size_bytes, created_at, expires_at, last_sequence)
     SELECT ${snapId("i")}, ${snapId("i")},
            CASE WHEN i % 100 = 0 THEN 'env-' || i END,
            CASE WHEN p IS NOT NULL THEN ${snapId("p")} END,
            ${sbxId("i")},
            (CASE WHEN i % 53 = 0 THEN 'failed' WHEN i % 89 = 0 THEN 'deleted' ELSE 'created' END)::snapshot_status,
            (${hashOf(`'size-' || i`)} % 4096 + 64)::bigint * 1048576,
            ${createdAt("i")},
            CASE WHEN i % 3 <> 0 THEN ${createdAt("i")} + interval '30 days' END,
            ${patchCount(s, "i")}
     FROM (SELECT i, ${parentIndex(s, "i")} AS p FROM ${series}) g`,
    // The source sandbox of snapshot i, started from i's parent half a minute before the snapshot.
    `INSERT INTO sandboxes (id, name, based_on_snapshot_id, status, last_patch_sequence, created_at, updated_at)
     SELECT ${sbxId("i")},
            CASE WHEN i % 100 = 50 THEN 'sb-' || i END,
            CASE WHEN p IS NOT NULL THEN ${snapId("p")} END,
            (CASE WHEN i % 7 = 0 THEN 'running' ELSE 'stopped' END)::sandbox_status,
            0,
            ${createdAt("i")} - interval '30 seconds',
            ${createdAt("i")}
     FROM (SELECT i, ${parentIndex(s, "i")} AS p FROM ${series}) g`,
    // Sandboxes started from snapshot i that were never snapshotted: the siblings of walks.
    `INSERT INTO sandboxes (id, name, based_on_snapshot_id, status, last_patch_sequence, failed_at_sequence, created_at, updated_at)
     SELECT ${sbxId(`i || '-' || k`)},
            NULL,
            ${snapId("i")},
            (CASE k % 4 WHEN 0 THEN 'running' WHEN 1 THEN 'stopped' WHEN 2 THEN 'running' ELSE 'failed' END)::sandbox_status,
            CASE WHEN ${isHub(s, "i")} THEN ${hubLastPatch("k")} ELSE 0 END,
            CASE WHEN ${isHub(s, "i")} AND k % 3 = 1 THEN 2 ELSE 0 END,
            ${createdAt("i")} + k * interval '100 milliseconds',
            ${createdAt("i")} + k * interval '100 milliseconds'
     FROM ${series} CROSS JOIN LATERAL generate_series(1, ${extraSandboxes(s, "i")}) AS k`,
    `INSERT INTO patches (id, snapshot_id, sequence, script, description, created_by, created_at, removed_at, removed_by)
     SELECT ${patId("i", "q")}, ${snapId("i")}, q,
            'echo "patch ' || q || '" >> /etc/patches', 'Scale patch #' || q, 'seed-scale',
            ${createdAt("i")} + q * interval '1 second',
            CASE WHEN q = 3 THEN ${createdAt("i")} + interval '1 hour' END,
            CASE WHEN q = 3 THEN 'seed-scale' END
     FROM ${series} CROSS JOIN LATERAL generate_series(1, ${patchCount(s, "i")}) AS q`,
    `INSERT INTO patch_applications (patch_id, sandbox_id, status, output, created_at)
     SELECT ${patId("i", "q")}, ${sbxId(`i || '-' || k`)},
            (CASE WHEN q = 2 AND k % 3 = 1 THEN 'failed' ELSE 'applied' END)::patch_application_status,
            CASE WHEN q = 2 AND k % 3 = 1 THEN 'E: unable to locate package' ELSE 'ok' END,
            ${createdAt("i")} + interval '2 hours' + q * interval '1 second'
     FROM ${series}
     CROSS JOIN LATERAL generate_series(1, CASE WHEN ${isHub(s, "i")} THEN ${s.hubSandboxes} ELSE 0 END) AS k
     CROSS JOIN LATERAL generate_series(1, CASE k % 3 WHEN 2 THEN 0 ELSE 2 END) AS q`,
  ];
}

function nameAnchors(s: ScaleShape): string {
  const names = anchorNames(s);
  const hubAtOrBelow = (n: number) => Math.floor((n - s.hubEvery / 2) / s.hubEvery) * s.hubEvery + s.hubEvery / 2;
  const anchors: [string, number][] = [
    [names.chainRoot, 1],
    [names.chainMid, Math.floor(s.chainDepth * 0.4)],
    [names.chainTip, s.chainDepth],
    [names.chainHub, hubAtOrBelow(s.chainDepth - 1)],
    [names.bushyHub, hubAtOrBelow(Math.floor((s.chainDepth + s.snapshots) / 2))],
  ];
  const at = anchors.map(([, i]) => i);
  if (new Set(at).size !== at.length || at.some((i) => i < 1 || i > s.snapshots)) throw new Error(`Anchors collide for ${s.snapshots} snapshots.`);
  return `UPDATE snapshots s SET name = a.name FROM (VALUES ${anchors
    .map(([name, i]) => `('${name}', ${snapId(String(i))})`)
    .join(", ")}) AS a(name, id) WHERE s.id = a.id`;
}

type IndexDef = { indexname: string; indexdef: string };

/** Secondary indexes are dropped during the load and rebuilt once at the end: far faster than row-by-row upkeep. */
async function secondaryIndexes(db: Db): Promise<IndexDef[]> {
  return rows<IndexDef>(
    db,
    sql`SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname
        LEFT JOIN pg_constraint k ON k.conindid = c.oid
        WHERE i.schemaname = 'public' AND i.tablename IN ('snapshots', 'sandboxes', 'patches', 'patch_applications')
          AND k.oid IS NULL`,
  );
}

/** Checks the model invariants over the whole generated lineage; every count must be 0. */
export async function modelViolations(db: Db) {
  const [v] = await rows<Record<string, number>>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM snapshots s JOIN sandboxes b ON b.id = s.source_sandbox_id
        WHERE b.based_on_snapshot_id IS DISTINCT FROM s.parent_id) AS parent_not_source_base,
      (SELECT count(*)::int FROM snapshots s WHERE s.parent_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM snapshots p WHERE p.id = s.parent_id)) AS dangling_parent,
      (SELECT count(*)::int FROM snapshots s WHERE s.source_sandbox_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM sandboxes b WHERE b.id = s.source_sandbox_id)) AS dangling_source,
      (SELECT count(*)::int FROM sandboxes b WHERE b.based_on_snapshot_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM snapshots p WHERE p.id = b.based_on_snapshot_id)) AS dangling_base,
      (SELECT count(*)::int FROM snapshots s WHERE s.last_sequence <>
        coalesce((SELECT max(p.sequence) FROM patches p WHERE p.snapshot_id = s.id), 0)) AS wrong_last_sequence,
      (SELECT count(*)::int FROM patch_applications a WHERE NOT EXISTS (SELECT 1 FROM patches p WHERE p.id = a.patch_id)
        OR NOT EXISTS (SELECT 1 FROM sandboxes b WHERE b.id = a.sandbox_id)) AS dangling_application`,
  );
  return v!;
}

export type SeedReport = { counts: Record<string, number>; seconds: number; violations: Record<string, number> };

/**
 * Fills an empty lineage (`reset` empties it first) with `shape`. Foreign-key triggers are off
 * during the load (snapshots and sandboxes reference each other); modelViolations() then proves
 * the result consistent.
 */
export async function seedScale(db: Db, shape: ScaleShape, opts: { reset?: boolean; log?: (line: string) => void } = {}): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const exec = (statement: string) => db.execute(sql.raw(statement));
  if (opts.reset) await exec("TRUNCATE fleet_counts, patch_applications, patches, sandboxes, snapshots");
  const [existing] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM snapshots`);
  if (existing!.n > 0) throw new Error(`The database already holds ${existing!.n} snapshots; seed an empty one or pass --reset.`);

  const indexes = await secondaryIndexes(db);
  await exec("SET session_replication_role = replica");
  try {
    for (const idx of indexes) await exec(`DROP INDEX ${idx.indexname}`);
    for (let from = 1; from <= shape.snapshots; from += BATCH) {
      const to = Math.min(shape.snapshots, from + BATCH - 1);
      for (const statement of batchStatements(shape, from, to)) await exec(statement);
      log(`  ${to.toLocaleString("en")} / ${shape.snapshots.toLocaleString("en")} snapshots (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    await exec(nameAnchors(shape));
  } finally {
    await exec("SET session_replication_role = DEFAULT");
  }
  log(`  rebuilding ${indexes.length} indexes…`);
  await exec("SET maintenance_work_mem = '512MB'");
  for (const idx of indexes) await exec(idx.indexdef);
  // Triggers were off during the load: compute what they keep (the walk needs the parent index, and
  // statistics of the loaded table, else the recursive walk may be planned for an empty one).
  await exec("ANALYZE snapshots");
  log("  depth, roots and skip pointers; fleet counts…");
  await exec("SELECT snapshot_ancestry_repair(NULL)");
  await exec("SELECT fleet_counts_rebuild()");
  await exec("VACUUM ANALYZE snapshots, sandboxes, patches, patch_applications, fleet_counts");
  const seconds = (performance.now() - started) / 1000;

  const [counts] = await rows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*)::int FROM snapshots) AS snapshots, (SELECT count(*)::int FROM sandboxes) AS sandboxes,
               (SELECT count(*)::int FROM patches) AS patches, (SELECT count(*)::int FROM patch_applications) AS patch_applications,
               (SELECT count(*)::int FROM snapshots WHERE name IS NOT NULL) AS named_snapshots`,
  );
  return { counts: counts!, seconds, violations: await modelViolations(db) };
}

/** Whether the database already holds the lineage seedScale(shape) makes. */
export async function isSeeded(db: Db, shape: ScaleShape): Promise<boolean> {
  const found = await rows<{ id: string }>(db, sql`SELECT id FROM snapshots WHERE name = ${anchorNames(shape).chainRoot}`);
  return found.length === 1;
}
