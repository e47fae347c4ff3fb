import { snapshotRoutes } from "@/lib/contract";
import { getTreePage } from "@/lib/lineage/tree";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(snapshotRoutes.tree, async ({ db, query }) => json(await getTreePage(db, query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
