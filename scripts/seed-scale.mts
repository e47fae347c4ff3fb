/**
 * `npm run seed:scale -- --snapshots 1000000 [--reset] [--golden 1000000]`: fills the configured database
 * (DATABASE_URL, else the embedded folder LINEAGE_DATA_DIR) with a large synthetic lineage, and
 * `golden-scale`, a base snapshot with `--golden` sandboxes (bulk-loaded, then fleet_counts rebuilt).
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../lib/config";
import { bootDatabase } from "../lib/boot";
import { seedGoldenFleet } from "../lib/demo/golden";
import { scaleShape, seedScale } from "./bench/scale-lineage";

const { values } = parseArgs({ options: { snapshots: { type: "string", default: "100000" }, reset: { type: "boolean", default: false }, golden: { type: "string", default: "1000000" } } });
const shape = scaleShape(Number(values.snapshots));
// The demo lineage would only add noise to a scale lineage.
const cfg = loadConfig({ ...process.env, LINEAGE_DEMO: "0" });
const database = await bootDatabase(cfg);
try {
  console.log(`Seeding ${shape.snapshots.toLocaleString("en")} snapshots into ${cfg.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded ${cfg.dataDir}`}…`);
  const report = await seedScale(database.db, shape, { reset: values.reset, log: console.log });
  console.log(`Made in ${report.seconds.toFixed(1)} s:`, report.counts);
  console.log(`Longest chain: ${shape.chainDepth.toLocaleString("en")} snapshots; hubs every ${shape.hubEvery} with ${shape.hubSandboxes} sibling sandboxes.`);
  const broken = Object.entries(report.violations).filter(([, n]) => n > 0);
  if (broken.length) {
    console.error("Model violations:", Object.fromEntries(broken));
    process.exitCode = 1;
  } else console.log("Model checks passed: parent = source's base, no dangling references, last_sequence = max sequence.");
  const golden = Number(values.golden);
  if (golden > 0) {
    const started = performance.now();
    const actor = { id: "system:seed-scale", name: "seed-scale", role: "runtime" as const, requestId: "seed-scale" };
    await seedGoldenFleet(database.db, { id: "snap_golden_scale", name: "golden-scale", sandboxes: golden, bulk: true }, actor);
    console.log(`golden-scale: ${golden.toLocaleString("en")} sandboxes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await database.close();
}
