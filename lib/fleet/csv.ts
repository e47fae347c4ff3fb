import type { Executor } from "../db/client";
import { fleetRows, fleetSandboxView, keyOf, planFleet, type FleetFilters } from "./list";
import type { FleetKey } from "./cursor";

export const FLEET_CSV_HEADER = "id,name,status,state,lastPatchSequence,failedAtSequence,createdAt";
/** Rows read per query while streaming: memory stays at one batch whatever the fleet size. */
const BATCH = 1000;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export const csvField = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Every matching sandbox as CSV, newest first. Filters are checked before the first byte (a bad
 * one is still a JSON 400); then each pull reads the next keyset batch, so the stream holds one
 * batch at a time and a slow reader slows the queries instead of filling memory.
 */
export async function fleetCsv(db: Executor, ref: string, filters: FleetFilters): Promise<ReadableStream<Uint8Array>> {
  const plan = await planFleet(db, ref, filters);
  const encoder = new TextEncoder();
  let after: FleetKey | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`${FLEET_CSV_HEADER}\n`));
      },
      async pull(controller) {
        const batch = await fleetRows(db, plan, after, BATCH);
        const lines = batch.map((r) => {
          const s = fleetSandboxView(r, plan);
          return [s.id, s.name, s.status, s.state, s.lastPatchSequence, s.failedAtSequence, s.createdAt].map(csvField).join(",");
        });
        if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
        if (batch.length < BATCH) controller.close();
        else after = keyOf(batch.at(-1)!);
      },
    },
    { highWaterMark: 1 },
  );
}
