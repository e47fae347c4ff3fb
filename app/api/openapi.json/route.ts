import { healthRoutes } from "@/lib/contract";
import { openApiDocument } from "@/lib/contract/openapi";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(healthRoutes.openapi, async () => json(openApiDocument()));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
