import { z } from "zod";
import { pendingPatches } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { sandboxId } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(
  { access: "runtime", params: z.strictObject({ ref: sandboxId }) },
  async ({ db, params }) => json(await pendingPatches(db, params.ref)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
