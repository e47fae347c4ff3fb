import { sandboxRoutes } from "@/lib/contract";
import { getSandbox, upsertSandbox } from "@/lib/lineage/sandboxes";
import { json, route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(sandboxRoutes.getSandbox, async ({ db, params }) => json({ sandbox: await getSandbox(db, params.ref) }));

export const PUT = route(sandboxRoutes.putSandbox, async ({ db, params, body, actor }) => {
  const { created, sandbox } = await upsertSandbox(db, params.ref, body, actor);
  return json({ sandbox }, created ? 201 : 200);
});

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET", "PUT");
