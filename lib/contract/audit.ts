import { z } from "zod";
import { roles } from "./enums";
import { pageLimit, timestamp } from "./fields";
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from "./limits";
import { defineRoutes } from "./registry";
import { pagination } from "./views";

export const auditEvent = z
  .strictObject({
    id: z.number().int(),
    actorId: z.string().describe("The token or user that made the change."),
    actor: z.string().describe("Its name at the time."),
    actorRole: z.enum(roles),
    actorUser: z
      .strictObject({ subject: z.string(), email: z.string().nullable() })
      .nullable()
      .describe("For a person signed in through the identity provider: their subject and email there."),
    action: z.string(),
    target: z.strictObject({ type: z.string(), id: z.string() }),
    details: z.unknown(),
    requestId: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: "AuditEvent" });

const cursor = z.string().regex(/^\d{1,18}$/, "must be a cursor from pagination.next");

export const auditRoutes = defineRoutes({
  listAudit: {
    method: "GET",
    path: "/api/audit",
    summary: "The audit log, newest first",
    access: "admin",
    query: z.strictObject({ limit: pageLimit(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT), cursor: cursor.transform(Number).optional() }),
    responses: { 200: z.strictObject({ events: z.array(auditEvent), pagination: pagination(cursor) }) },
    errors: [],
  },
});
