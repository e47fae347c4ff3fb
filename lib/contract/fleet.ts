import { z } from "zod";
import { fleetStates, patchStates, sandboxStates, sandboxStatuses } from "./enums";
import { count, pageLimit, patchId, sandboxId, snapshotRef, timestamp } from "./fields";
import { FLEET_PAGE_DEFAULT, FLEET_PAGE_MAX, SEARCH_QUERY_MAX_CHARS } from "./limits";
import { defineRoutes } from "./registry";
import { pagination } from "./views";

/** One sandbox of a snapshot's fleet, with its state (relative to `patch` when the list was asked with one). */
export const fleetSandbox = z
  .strictObject({
    id: sandboxId,
    name: z.string().nullable(),
    status: z.enum(sandboxStatuses),
    state: z.enum(fleetStates),
    lastPatchSequence: count.describe("The last patch it applied (0: none)."),
    failedAtSequence: z.number().int().min(1).nullable().describe("The live patch its last run failed at, if any."),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "FleetSandbox" });

const countsBy = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const fleetCounts = z
  .strictObject({
    total: count,
    state: z
      .union([countsBy(sandboxStates), countsBy(patchStates)])
      .describe("By state, every state named: upToDate/pending/failed, or applied/pending/blocked/failed with `patch`."),
    status: countsBy(sandboxStatuses),
  })
  .describe("The whole fleet, whatever the filters; exact.")
  .meta({ id: "FleetCounts" });

export const fleetPage = z
  .strictObject({ sandboxes: z.array(fleetSandbox), counts: fleetCounts, pagination: pagination(z.string()) })
  .meta({ id: "FleetPage" });

export const fleetQuery = z
  .strictObject({
    limit: pageLimit(FLEET_PAGE_MAX, FLEET_PAGE_DEFAULT),
    cursor: z.string().max(2000).optional().describe("`pagination.next` of the previous page, with the same filters."),
    state: z.enum(fleetStates).optional().describe("upToDate, pending or failed; with `patch`: applied, pending, blocked or failed."),
    status: z.enum(sandboxStatuses).optional(),
    q: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "must be the start of a sandbox id or name")
      .max(SEARCH_QUERY_MAX_CHARS)
      .optional()
      .describe("Sandboxes whose id or name starts with this."),
    patch: patchId.optional().describe("A patch of this snapshot: states are relative to it."),
    format: z.enum(["json", "csv"]).default("json").describe("`csv` streams every matching sandbox (limit and cursor do not apply)."),
  })
  .superRefine((q, ctx) => {
    const allowed: readonly string[] = q.patch === undefined ? sandboxStates : patchStates;
    if (q.state !== undefined && !allowed.includes(q.state)) {
      ctx.addIssue({
        code: "custom",
        path: ["state"],
        message: `must be one of ${allowed.join(", ")}${q.patch === undefined ? " (the per-patch states need `patch`)" : " with `patch`"}`,
      });
    }
  });

export const fleetRoutes = defineRoutes({
  listFleet: {
    method: "GET",
    path: "/api/snapshots/{ref}/sandboxes",
    summary: "The fleet of a snapshot: every sandbox started from it, newest first",
    description:
      "Keyset pages: each sandbox appears once across a walk, also while sandboxes keep arriving. " +
      "Filters combine; `counts` covers the whole fleet and is exact. A cursor of another snapshot or filter set is a 400.",
    access: "viewer",
    params: z.strictObject({ ref: snapshotRef }),
    query: fleetQuery,
    responses: { 200: fleetPage },
    streams: { "text/csv": `With format=csv: header \`id,name,status,state,lastPatchSequence,failedAtSequence,createdAt\`, then every matching sandbox.` },
    errors: ["snapshot_not_found", "patch_not_found", "invalid_cursor"],
  },
});
