import { z } from "zod";
import { listRecentSandboxes } from "@/lib/lineage/sandboxes";
import { json, route } from "@/lib/http/route";
import { pageLimit } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

const query = z.strictObject({
  limit: pageLimit(100, 20),
});

/** Recently active sandboxes, for the home page. */
export const GET = route({ access: "viewer", query }, async ({ db, query }) =>
  json({ sandboxes: await listRecentSandboxes(db, query.limit) }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
