/**
 * Vercel's Sandbox API routes that read lineage, for `@vercel/sandbox` (Snapshot.tree, Snapshot.get,
 * Sandbox.get) and the `sandbox` CLI (`sandbox snapshots tree <name>`). Same domain, that platform's
 * shapes (lib/compat/vercel.ts): epoch-millisecond times, absent optionals. The scope parameters
 * those clients always send (teamId, project, projectId) are accepted and ignored: a Lineage
 * server is one scope. Errors keep Lineage's shape, which is the one those clients read.
 */
import { z } from "zod";
import { sandboxStatuses, snapshotStatuses, sortOrders } from "./enums";
import { pageLimit, sandboxRef, snapshotId, snapshotRef } from "./fields";
import { TREE_PAGE_MAX, VERCEL_COUNT_CAP as COUNT_CAP, VERCEL_SIBLINGS_LISTED as SIBLINGS_LISTED } from "./limits";
import { defineRoutes } from "./registry";

const epochMs = z.number().int().describe("Milliseconds since the epoch.");
const ignored = z.string().optional().describe("Accepted and ignored: one Lineage server is one scope.");
const scope = { teamId: ignored, project: ignored, projectId: ignored };

export const vercelSnapshot = z
  .strictObject({
    id: snapshotId,
    sourceSessionId: z.string().describe("The sandbox it was taken of (empty for a base image)."),
    region: z.string(),
    status: z.enum(snapshotStatuses),
    sizeBytes: z.number().int().min(0),
    createdAt: epochMs,
    updatedAt: epochMs,
    expiresAt: epochMs.optional(),
    parentId: snapshotId.optional(),
  })
  .meta({ id: "VercelSnapshot" });

const vercelTreeNode = z
  .strictObject({
    snapshot: vercelSnapshot,
    siblings: z.array(vercelSnapshot).max(SIBLINGS_LISTED).describe("Other snapshots with the same parent, newest first."),
    count: z
      .string()
      .regex(/^\d+\+?$/)
      .describe(`The node and its siblings, as text: "${COUNT_CAP}+" above ${COUNT_CAP}.`),
  })
  .meta({ id: "VercelSnapshotTreeNode" });

const sandboxFields = {
  region: z.string(),
  status: z.enum(sandboxStatuses),
  createdAt: epochMs,
  updatedAt: epochMs,
};

export const vercelRoutes = defineRoutes({
  vercelSnapshotTree: {
    method: "GET",
    path: "/api/v2/sandboxes/snapshots/tree",
    summary: "One page of a snapshot's ancestors or descendants (Vercel's client)",
    description:
      "`anchor` is the queried snapshot; `snapshots` are the next ones after it (`desc`: ancestors, `asc`: descendants " +
      "through the newest child), never the anchor. Pass `pagination.next` as `snapshotId` for the following page.",
    access: "viewer",
    query: z.strictObject({
      snapshotId: snapshotRef,
      sortOrder: z.enum(sortOrders).default("desc"),
      limit: pageLimit(TREE_PAGE_MAX, TREE_PAGE_MAX),
      ...scope,
    }),
    responses: {
      200: z.strictObject({
        snapshots: z.array(vercelTreeNode),
        anchor: vercelTreeNode,
        pagination: z.strictObject({ count: z.number().int().min(0), next: snapshotId.nullable() }),
      }),
    },
    errors: ["snapshot_not_found"],
  },
  vercelGetSnapshot: {
    method: "GET",
    path: "/api/v2/sandboxes/snapshots/{snapshotId}",
    summary: "A snapshot by id or name (Vercel's client)",
    access: "viewer",
    params: z.strictObject({ snapshotId: snapshotRef }),
    query: z.strictObject(scope),
    responses: { 200: z.strictObject({ snapshot: vercelSnapshot }) },
    errors: ["snapshot_not_found"],
  },
  vercelGetSandbox: {
    method: "GET",
    path: "/api/v2/sandboxes/{name}",
    summary: "A sandbox by name or id, with its current snapshot (Vercel's client)",
    access: "viewer",
    params: z.strictObject({ name: sandboxRef }),
    query: z.strictObject({ ...scope, resume: z.enum(["true", "false"]).optional().describe("Accepted and ignored: Lineage runs no VMs.") }),
    responses: {
      200: z.strictObject({
        sandbox: z.strictObject({
          name: z.string(),
          persistent: z.boolean(),
          ...sandboxFields,
          currentSessionId: z.string(),
          currentSnapshotId: snapshotId.optional(),
        }),
        session: z.strictObject({
          id: z.string(),
          ...sandboxFields,
          memory: z.number(),
          vcpus: z.number(),
          timeout: z.number(),
          requestedAt: epochMs,
          cwd: z.string(),
          sourceSnapshotId: snapshotId.optional(),
        }),
        routes: z.array(z.never()).describe("Lineage exposes no sandbox ports."),
      }),
    },
    errors: ["sandbox_not_found"],
  },
});
