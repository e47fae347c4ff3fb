import { z } from "zod";
import { listAudit } from "@/lib/audit";
import { json, route } from "@/lib/http/route";
import { pageLimit } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

const query = z.strictObject({
  limit: pageLimit(100, 50),
  cursor: z.string().regex(/^\d{1,18}$/, "must be a cursor from pagination.next").transform(Number).optional(),
});

export const GET = route({ access: "admin", query }, async ({ db, query }) =>
  json(await listAudit(db, { limit: query.limit, before: query.cursor })),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
