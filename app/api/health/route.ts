import { healthRoutes } from "@/lib/contract";
import { checkHealth } from "@/lib/db/health";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(healthRoutes.health, async ({ db }) => {
  const health = await checkHealth(db);
  return json({ status: health.ok ? "ok" : "migrations_pending", ...health }, health.ok ? 200 : 503);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
