import { sandboxRoutes } from "@/lib/contract";
import { recordPatchResult } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const POST = route(sandboxRoutes.reportPatchResult, async ({ db, params, body, actor }) =>
  json(await recordPatchResult(db, params.ref, body, actor), 201),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
