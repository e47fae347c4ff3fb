import { z } from "zod";
import { snapshotStatuses, sortOrders } from "./enums";
import { count, isoDate, name, pageLimit, sandboxId, snapshotId, snapshotRef } from "./fields";
import { SIBLINGS_MAX, TREE_PAGE_MAX } from "./limits";
import { defineRoutes } from "./registry";
import { pagination, sandboxSummary, snapshot } from "./views";

export const treeNode = z
  .strictObject({
    ...snapshot.shape,
    siblings: z
      .array(sandboxSummary)
      .max(SIBLINGS_MAX)
      .describe("Sandboxes started from it, newest first, except the one the chain runs through towards newer snapshots."),
    count: z
      .string()
      .regex(/^\d+\+?$/)
      .describe(`How many siblings it has, as text: "${SIBLINGS_MAX}+" when more than ${SIBLINGS_MAX}.`),
  })
  .meta({ id: "TreeNode" });

export const treePage = z.strictObject({ snapshots: z.array(treeNode), pagination: pagination(snapshotId) }).meta({ id: "TreePage" });

const ref = z.strictObject({ ref: snapshotRef });

export const snapshotRoutes = defineRoutes({
  tree: {
    method: "GET",
    path: "/api/snapshots/tree",
    summary: "One page of the lineage around a snapshot",
    description:
      "The anchor first (no cursor), then its ancestors (`desc`) or descendants (`asc`), one chain; " +
      "pass `pagination.next` back as `cursor` for the next page in the same direction.",
    access: "viewer",
    query: z.strictObject({
      snapshotId: snapshotRef,
      sortOrder: z.enum(sortOrders).default("desc"),
      limit: pageLimit(TREE_PAGE_MAX, TREE_PAGE_MAX),
      cursor: snapshotId.optional(),
    }),
    responses: { 200: treePage },
    errors: ["snapshot_not_found", "invalid_cursor"],
  },
  getSnapshot: {
    method: "GET",
    path: "/api/snapshots/{ref}",
    summary: "A snapshot by id or name",
    access: "viewer",
    params: ref,
    responses: { 200: z.strictObject({ snapshot }) },
    errors: ["snapshot_not_found"],
  },
  ancestor: {
    method: "GET",
    path: "/api/snapshots/{ref}/ancestor",
    summary: "The ancestor of a snapshot at a depth, or as of a date",
    description:
      "Exactly one of `depth` (its ancestor at that depth; its own depth gives itself, a deeper one is a 400) " +
      "and `asOf` (the newest snapshot on its chain, itself included, created at or before that time). " +
      "A few index probes at any depth.",
    access: "viewer",
    params: ref,
    query: z
      .strictObject({
        depth: z
          .string()
          .regex(/^\d{1,9}$/, "must be a whole number from 0")
          .transform(Number)
          .optional()
          .describe("A depth from 0 (the root) to the snapshot's own depth."),
        asOf: isoDate.optional().describe("An ISO-8601 date-time."),
      })
      .refine((q) => (q.depth === undefined) !== (q.asOf === undefined), "give exactly one of depth and asOf"),
    responses: { 200: z.strictObject({ snapshot }) },
    errors: ["snapshot_not_found", "no_snapshot_then"],
  },
  putSnapshot: {
    method: "PUT",
    path: "/api/snapshots/{ref}",
    summary: "Report a snapshot (runtime): create or update",
    description: "`parentId` is derived from the source sandbox's base snapshot; the source cannot change once set.",
    access: "runtime",
    params: z.strictObject({ ref: snapshotId }),
    body: z.strictObject({
      name: name.nullable().optional(),
      sourceSandboxId: sandboxId.optional(),
      status: z.enum(snapshotStatuses),
      sizeBytes: count.max(Number.MAX_SAFE_INTEGER),
      createdAt: isoDate.optional(),
      expiresAt: isoDate.nullable().optional(),
    }),
    responses: { 200: z.strictObject({ snapshot }), 201: z.strictObject({ snapshot }) },
    errors: ["unknown_sandbox", "name_taken", "source_immutable", "lineage_cycle"],
  },
});
