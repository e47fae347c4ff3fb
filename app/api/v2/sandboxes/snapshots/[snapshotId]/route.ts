import { vercelRoutes } from "@/lib/contract";
import { readVercelSnapshot } from "@/lib/compat/vercel";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(vercelRoutes.vercelGetSnapshot, async ({ db, params }) => json(await readVercelSnapshot(db, params.snapshotId)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
