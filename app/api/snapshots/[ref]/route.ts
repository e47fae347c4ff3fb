import { z } from "zod";
import { getSnapshot, upsertSnapshot } from "@/lib/lineage/snapshots";
import { json, route } from "@/lib/http/route";
import { isoDate, name, sandboxId, snapshotId, snapshotRef, snapshotStatuses } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(
  { access: "viewer", params: z.strictObject({ ref: snapshotRef }) },
  async ({ db, params }) => json({ snapshot: await getSnapshot(db, params.ref) }),
);

const body = z.strictObject({
  name: name.nullable().optional(),
  sourceSandboxId: sandboxId.optional(),
  status: z.enum(snapshotStatuses),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  createdAt: isoDate.optional(),
  expiresAt: isoDate.nullable().optional(),
});

export const PUT = route(
  { access: "runtime", params: z.strictObject({ ref: snapshotId }), body },
  async ({ db, params, body, actor }) => {
    const { created, snapshot } = await upsertSnapshot(db, params.ref, body, actor);
    return json({ snapshot }, created ? 201 : 200);
  },
);

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET", "PUT");
