import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rows } from "../db/client";
import { fleetRowsSql, planFleet, type FleetFilters, type FleetPlan } from "./list";
import type { FleetKey } from "./cursor";
import { groupState, liveFailure } from "./groups";

export const FLEET_CSV_HEADER = "id,name,status,state,lastPatchSequence,failedAtSequence,createdAt";
/** Rows read per query while streaming: memory stays at one batch whatever the fleet size. */
const BATCH = 1000;

/** RFC 4180 in SQL: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
export const csvFieldSql = (value: SQL) =>
  sql`CASE WHEN ${value} ~ ${'[",\r\n]'} THEN '"' || replace(${value}, '"', '""') || '"' ELSE coalesce(${value}, '') END`;

/**
 * The state and live failure of each (lastPatchSequence, failedAtSequence) pair of the plan's
 * groups, as the CSV prints them ("failed", "3"): they depend on the group only (lib/fleet/groups.ts).
 */
function groupFields(plan: FleetPlan): Record<string, [string, string]> {
  const fields: Record<string, [string, string]> = {};
  for (const g of plan.groups) {
    fields[`${g.lastPatchSequence}:${g.failedAtSequence}`] = [groupState(g, plan.live, plan.patchSequence), String(liveFailure(g, plan.live) ?? "")];
  }
  return fields;
}

type Batch = { lines: string | null; n: number; unknown_group: boolean; last_us: string | null; last_id: string | null };

/**
 * The next batch of the walk as one CSV text, written by the database: the server handles one
 * string per batch instead of a thousand row objects, so its heap holds no more than a batch and
 * the garbage dies young (with row objects, the heap grew by ~130 MB over a million rows before
 * each full collection). States come from the plan's groups; `unknown_group` says a row's group
 * appeared after the plan was made (a patch result during the download).
 */
function batchSql(plan: FleetPlan, after: FleetKey | null): SQL | null {
  const page = fleetRowsSql(plan, after, BATCH);
  if (!page) return null;
  const key = sql`page.last_patch_sequence || ':' || page.failed_at_sequence`;
  const fields = sql`${JSON.stringify(groupFields(plan))}::jsonb -> (${key})`;
  const line = sql`concat_ws(',', ${csvFieldSql(sql`page.id`)}, ${csvFieldSql(sql`page.name`)}, page.status, ${fields} ->> 0,
    page.last_patch_sequence, ${fields} ->> 1, to_char(page.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
  return sql`SELECT string_agg(${line}, E'\\n' ORDER BY page.created_at DESC, page.id DESC) || E'\\n' AS lines, count(*)::int AS n,
      coalesce(bool_or(${fields} IS NULL), false) AS unknown_group,
      (array_agg(page.created_us ORDER BY page.created_at, page.id))[1] AS last_us,
      (array_agg(page.id ORDER BY page.created_at, page.id))[1] AS last_id
    FROM (${page}) page`;
}

/**
 * Every matching sandbox as CSV, newest first. Filters are checked before the first byte (a bad
 * one is still a JSON 400); then each pull reads the next keyset batch, so the stream holds one
 * batch at a time and a slow reader slows the queries instead of filling memory.
 */
export async function fleetCsv(db: Executor, ref: string, filters: FleetFilters): Promise<ReadableStream<Uint8Array>> {
  let plan = await planFleet(db, ref, filters);
  const encoder = new TextEncoder();
  let after: FleetKey | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`${FLEET_CSV_HEADER}\n`));
      },
      async pull(controller) {
        let batch: Batch | undefined;
        for (;;) {
          const statement = batchSql(plan, after);
          [batch] = statement ? await rows<Batch>(db, statement) : [];
          if (!batch?.unknown_group) break;
          plan = await planFleet(db, ref, filters); // then the same batch again, its group known
        }
        if (batch?.lines) {
          controller.enqueue(encoder.encode(batch.lines));
          // Under next start the resolved query result stays reachable across several young
          // collections (not so in a plain node:http server), and with it each batch's text: the
          // heap grew by the download's size until a full collection, ~100 MB for 1 M rows.
          // Dropping the text once encoded keeps the growth at ~50 MB (BENCHMARKS.md).
          batch.lines = null;
        }
        if (!batch || batch.n < BATCH) controller.close();
        else after = { createdUs: batch.last_us!, id: batch.last_id! };
      },
    },
    { highWaterMark: 1 },
  );
}
