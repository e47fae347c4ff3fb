import { snapshotRoutes } from "@/lib/contract";
import { getAncestor } from "@/lib/lineage/ancestor";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(snapshotRoutes.ancestor, async ({ db, params, query }) =>
  json({ snapshot: await getAncestor(db, params.ref, query.asOf ? { asOf: query.asOf } : { depth: query.depth! }) }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
