import { checkHealth } from "@/lib/db/health";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

/** For load balancers: 200 when the database answers and migrations are current, else 503. */
export const GET = route({ access: "public" }, async ({ db }) => {
  const health = await checkHealth(db);
  return json({ status: health.ok ? "ok" : "migrations_pending", ...health }, health.ok ? 200 : 503);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
