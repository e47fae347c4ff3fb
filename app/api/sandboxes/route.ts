import { sandboxRoutes } from "@/lib/contract";
import { listRecentSandboxes } from "@/lib/lineage/sandboxes";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sandboxRoutes.recentSandboxes, async ({ db, query }) =>
  json({ sandboxes: await listRecentSandboxes(db, query.limit) }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
