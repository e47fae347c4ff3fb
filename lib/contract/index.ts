/**
 * The route registry: every API route, one entry per (method, path), split by resource. The
 * OpenAPI document (`GET /api/openapi.json`, docs/API.md), the typed client, the route wrapper's
 * access check and validation, and the tests' response checks all read these entries.
 *
 * Adding a route (or converting one written as `route({ access, params, query, body }, …)`):
 * 1. Add an entry to the resource's file here (say `snapshotRoutes.ancestor` in snapshots.ts):
 *    method, path (`{ref}` for the folder `[ref]`), summary, access, the params/query/body schemas
 *    that were inline in route.ts, `responses` (a zod schema per success status) and `errors`
 *    (every code its lib/ logic throws; codes come from errors.ts). A new resource file is
 *    spread into `routeGroups` below.
 * 2. In app/api/…/route.ts: `export const GET = route(snapshotRoutes.ancestor, async (ctx) => json(…))`;
 *    keep `methodsNotAllowed(…)` for the other methods.
 *    A new error code goes into errors.ts with its status. A route that also answers CSV or an
 *    event stream lists the media type under `streams` (its JSON answers stay in `responses`).
 * 3. Add a method to lib/client (its types come from the entry) and run `npm run docs:api`.
 * The tests then check the route is in the document and every answer matches its schema.
 */
import { auditRoutes } from "./audit";
import { eventRoutes } from "./events";
import { fleetRoutes } from "./fleet";
import { healthRoutes } from "./health";
import { openComputerRoutes } from "./opencomputer";
import { patchRoutes } from "./patches";
import type { RouteContract } from "./registry";
import { sandboxRoutes } from "./sandboxes";
import { sessionRoutes } from "./session";
import { snapshotRoutes } from "./snapshots";
import { tokenRoutes } from "./tokens";
import { userRoutes } from "./users";
import { vercelRoutes } from "./vercel";

/** By resource (the OpenAPI tag), each route under its operation id. */
export const routeGroups: Record<string, Record<string, RouteContract>> = {
  snapshots: snapshotRoutes,
  fleet: fleetRoutes,
  patches: patchRoutes,
  sandboxes: sandboxRoutes,
  session: sessionRoutes,
  tokens: tokenRoutes,
  users: userRoutes,
  audit: auditRoutes,
  events: eventRoutes,
  health: healthRoutes,
  // Other platforms' own clients, over the same domain (lib/compat maps the shapes).
  opencomputer: openComputerRoutes,
  vercel: vercelRoutes,
};

export type RegisteredRoute = RouteContract & { operationId: string; tag: string };

export const allRoutes: RegisteredRoute[] = Object.entries(routeGroups).flatMap(([tag, group]) =>
  Object.entries(group).map(([operationId, r]) => ({ ...r, operationId, tag })),
);

export { auditRoutes, eventRoutes, fleetRoutes, healthRoutes, openComputerRoutes, patchRoutes, sandboxRoutes, sessionRoutes, snapshotRoutes, tokenRoutes, userRoutes, vercelRoutes };
