import { sandboxRoutes } from "@/lib/contract";
import { search } from "@/lib/lineage/search";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sandboxRoutes.search, async ({ db, query }) => json(await search(db, query.q)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
