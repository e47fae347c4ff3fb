import { z } from "zod";

// Ids are a prefix and 1-64 url-safe characters; names are lowercase [a-z0-9-], so the two never collide.
const idPattern = (prefix: string) => new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,64}$`);

export const snapshotId = z.string().regex(idPattern("snap"), "must be a snapshot id (snap_…)");
export const sandboxId = z.string().regex(idPattern("sbx"), "must be a sandbox id (sbx_…)");
export const patchId = z.string().regex(idPattern("pat"), "must be a patch id (pat_…)");
export const tokenId = z.string().regex(idPattern("tok"), "must be a token id (tok_…)");
export const name = z
  .string()
  .min(1, "must not be empty")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9-]+$/, "may only contain a-z, 0-9 and -");

export const snapshotRef = z.union([snapshotId, name], { error: "must be a snapshot id (snap_…) or name" });
export const sandboxRef = z.union([sandboxId, name], { error: "must be a sandbox id (sbx_…) or name" });

export const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time" }).transform((s) => new Date(s));

export const description = z.string().max(1000, "must be at most 1000 characters");
export const MAX_SCRIPT_BYTES = 64 * 1024;
export const script = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_SCRIPT_BYTES, "must be at most 64 KiB");

export { snapshotStatuses, sandboxStatuses, roles, type Role } from "./contract/enums";

/** A `limit` query parameter: digits only, within 1..max. */
export const pageLimit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be from 1 to ${max}`).max(max, `must be from 1 to ${max}`))
    .default(fallback);
