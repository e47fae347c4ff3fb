import { listAudit } from "@/lib/audit";
import { auditRoutes } from "@/lib/contract";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(auditRoutes.listAudit, async ({ db, query }) =>
  json(await listAudit(db, { limit: query.limit, before: query.cursor })),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
