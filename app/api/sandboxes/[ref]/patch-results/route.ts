import { z } from "zod";
import { recordPatchResult } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { patchId, sandboxId } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

const body = z.strictObject({
  patchId,
  status: z.enum(["applied", "failed"]),
  output: z.string().optional(),
});

export const POST = route(
  { access: "runtime", params: z.strictObject({ ref: sandboxId }), body },
  async ({ db, params, body, actor }) => json(await recordPatchResult(db, params.ref, body, actor), 201),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
