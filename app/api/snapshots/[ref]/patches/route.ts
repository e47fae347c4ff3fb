import { patchRoutes } from "@/lib/contract";
import { attachPatch, listPatches } from "@/lib/patches/patches";
import { badRequest } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(patchRoutes.listPatches, async ({ db, params, query }) =>
  json(await listPatches(db, params.ref, query.include === "removed")),
);

export const POST = route(patchRoutes.attachPatch, async ({ req, db, params, body, actor }) => {
  const key = req.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw badRequest("invalid_idempotency_key", "Idempotency-Key must be 1-255 visible ASCII characters.");
  }
  const { created, ...result } = await attachPatch(db, params.ref, body, actor, key);
  const res = json(result, 201);
  if (!created) res.headers.set("idempotent-replayed", "true");
  return res;
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
