import { z } from "zod";
import { getTreePage } from "@/lib/lineage/tree";
import { json, route } from "@/lib/http/route";
import { pageLimit, snapshotId, snapshotRef } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

const query = z.strictObject({
  snapshotId: snapshotRef,
  sortOrder: z.enum(["desc", "asc"]).default("desc"),
  limit: pageLimit(10, 10),
  cursor: snapshotId.optional(),
});

export const GET = route({ access: "viewer", query }, async ({ db, query }) => json(await getTreePage(db, query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
