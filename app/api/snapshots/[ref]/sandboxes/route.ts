import { fleetRoutes } from "@/lib/contract";
import { fleetCsv } from "@/lib/fleet/csv";
import { listFleet } from "@/lib/fleet/list";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(fleetRoutes.listFleet, async ({ db, params, query }) => {
  const { limit, cursor, format, ...filters } = query;
  if (format === "json") return json(await listFleet(db, params.ref, filters, limit, cursor));
  return new Response(await fleetCsv(db, params.ref, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.ref}-sandboxes.csv"`,
    },
  });
});

export const { PUT, POST, PATCH, DELETE } = methodsNotAllowed("GET");
