import { z } from "zod";
import { sandboxPatchStates } from "@/lib/patches/wake";
import { json, route } from "@/lib/http/route";
import { sandboxRef } from "@/lib/validation";
import { methodsNotAllowed } from "@/lib/http/methods";

export const GET = route(
  { access: "viewer", params: z.strictObject({ ref: sandboxRef }) },
  async ({ db, params }) => json(await sandboxPatchStates(db, params.ref)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
