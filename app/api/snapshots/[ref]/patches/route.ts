import { z } from "zod";
import { attachPatch, listPatches } from "@/lib/patches/patches";
import { ApiError } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { description, script, snapshotRef } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

const params = z.strictObject({ ref: snapshotRef });

export const GET = route(
  { access: "viewer", params, query: z.strictObject({ include: z.literal("removed").optional() }) },
  async ({ db, params, query }) => json(await listPatches(db, params.ref, query.include === "removed")),
);

export const POST = route(
  { access: "editor", params, body: z.strictObject({ script, description: description.optional() }) },
  async ({ req, db, params, body, actor }) => {
    const key = req.headers.get("idempotency-key") ?? undefined;
    if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 1-255 visible ASCII characters.");
    }
    const { created, ...result } = await attachPatch(db, params.ref, body, actor, key);
    const res = json(result, 201);
    if (!created) res.headers.set("idempotent-replayed", "true");
    return res;
  },
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
