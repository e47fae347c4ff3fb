import { vercelRoutes } from "@/lib/contract";
import { readVercelTree } from "@/lib/compat/vercel";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(vercelRoutes.vercelSnapshotTree, async ({ db, query }) => json(await readVercelTree(db, query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
