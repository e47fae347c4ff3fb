import { z } from "zod";
import { search } from "@/lib/lineage/search";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

const query = z.strictObject({
  q: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});

export const GET = route({ access: "viewer", query }, async ({ db, query }) => json(await search(db, query.q)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
