import { z } from "zod";
import { getSandbox, upsertSandbox } from "@/lib/lineage/sandboxes";
import { json, route } from "@/lib/http/route";
import { isoDate, name, sandboxId, sandboxRef, sandboxStatuses, snapshotId } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(
  { access: "viewer", params: z.strictObject({ ref: sandboxRef }) },
  async ({ db, params }) => json({ sandbox: await getSandbox(db, params.ref) }),
);

const body = z.strictObject({
  name: name.nullable().optional(),
  status: z.enum(sandboxStatuses),
  basedOnSnapshotId: snapshotId.optional(),
  createdAt: isoDate.optional(),
});

export const PUT = route(
  { access: "runtime", params: z.strictObject({ ref: sandboxId }), body },
  async ({ db, params, body, actor }) => {
    const { created, sandbox } = await upsertSandbox(db, params.ref, body, actor);
    return json({ sandbox }, created ? 201 : 200);
  },
);

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET", "PUT");
