import { z } from "zod";
import { count } from "./fields";
import { defineRoutes } from "./registry";

const health = z.strictObject({
  status: z.enum(["ok", "migrations_pending"]),
  ok: z.boolean(),
  database: z.literal("reachable"),
  migrations: z.strictObject({ applied: count, expected: count }),
});

export const healthRoutes = defineRoutes({
  health: {
    method: "GET",
    path: "/api/health",
    summary: "For load balancers: 200 when the database answers and migrations are current, else 503",
    access: "public",
    responses: { 200: health, 503: health },
    errors: [],
  },
  openapi: {
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document",
    access: "public",
    responses: { 200: z.looseObject({ openapi: z.literal("3.1.0") }) },
    errors: [],
  },
});
