import { snapshotRoutes } from "@/lib/contract";
import { getSnapshot, upsertSnapshot } from "@/lib/lineage/snapshots";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(snapshotRoutes.getSnapshot, async ({ db, params }) => json({ snapshot: await getSnapshot(db, params.ref) }));

export const PUT = route(snapshotRoutes.putSnapshot, async ({ db, params, body, actor }) => {
  const { created, snapshot } = await upsertSnapshot(db, params.ref, body, actor);
  return json({ snapshot }, created ? 201 : 200);
});

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET", "PUT");
