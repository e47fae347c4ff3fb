/**
 * Server side of /lineage/{ref}: resolves the anchor and reads the first tree page of each
 * direction (and a deep chain's root) straight from the database while the page renders, and hands them to React Query
 * as its starting cache. The browser then draws the graph on hydration instead of waiting for
 * three more round trips (resolve, then both tree pages). A fleet list open in the URL gets its
 * first page the same way, so its first rows come with the HTML.
 */
import "server-only";
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { getDb } from "../boot";
import { ApiError } from "../http/errors";
import { getSandbox } from "../lineage/sandboxes";
import { getSnapshot } from "../lineage/snapshots";
import { getTreePage } from "../lineage/tree";
import { listFleet } from "../fleet/list";
import { fleetFilters } from "./fleet";
import type { LineageUrlState } from "./lineage-url";
import { sandboxRef, snapshotRef } from "../contract/fields";
import { fleetQuery } from "../contract/fleet";
import { FLEET_PAGE_SIZE, queryKeys, TREE_PAGE_SIZE } from "./query-keys";
import { resolveAnchor } from "./resolve-anchor";

export async function prefetchLineage(ref: string, url: LineageUrlState): Promise<DehydratedState> {
  const client = new QueryClient();
  try {
    const db = await getDb();
    if (url.fleet) {
      // The key and page size of useFleetPages, the route's validation; a bad filter or an
      // unknown snapshot is left for the browser to be told so.
      const filters = fleetFilters(url);
      const query = fleetQuery.safeParse(filters);
      const page = query.success ? await listFleet(db, url.fleet, query.data, FLEET_PAGE_SIZE).catch(() => null) : null;
      if (page) client.setQueryData(queryKeys.fleet(url.fleet, filters), { pages: [page], pageParams: [undefined] });
    }
    const resolved = await resolveAnchor(ref, {
      // The API's own validation: a ref it would refuse is left for the browser to be told so.
      snapshot: (r) => getSnapshot(db, snapshotRef.parse(r)),
      sandbox: (r) => getSandbox(db, sandboxRef.parse(r)),
      isNotFound: (err) => err instanceof ApiError && err.status === 404,
    });
    client.setQueryData(queryKeys.resolve(ref), resolved);
    const { anchorId } = resolved;
    if (anchorId) {
      const sortOrders = ["desc", "asc"] as const;
      const pages = await Promise.all(sortOrders.map((sortOrder) => getTreePage(db, { snapshotId: anchorId, sortOrder, limit: TREE_PAGE_SIZE })));
      sortOrders.forEach((sortOrder, i) => client.setQueryData(queryKeys.tree(anchorId, sortOrder), { pages: [pages[i]], pageParams: [undefined] }));
      // A deep chain's root, drawn on the first view (the first page of useLineageChain's root side).
      const anchor = pages[0]!.snapshots[0];
      if (anchor && pages[0]!.pagination.next) {
        const root = await getTreePage(db, { snapshotId: anchor.rootId, sortOrder: "desc", limit: 1 });
        client.setQueryData(queryKeys.rootSide(anchorId), { pages: [root], pageParams: [undefined] });
      }
    }
  } catch {
    // Unknown names, a database that is down: the browser asks again and shows the designed state.
  }
  return dehydrate(client);
}
