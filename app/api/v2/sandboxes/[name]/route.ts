import { vercelRoutes } from "@/lib/contract";
import { readVercelSandbox } from "@/lib/compat/vercel";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(vercelRoutes.vercelGetSandbox, async ({ db, params }) => json(await readVercelSandbox(db, params.name)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
