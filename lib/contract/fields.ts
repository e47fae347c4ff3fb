/** Field schemas of the API: request fields as the server validates them, and the response fields they become. */
import { z } from "zod";
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, SCRIPT_MAX_BYTES, scriptFits } from "./limits";

// Ids are a prefix and 1-64 url-safe characters; names are lowercase [a-z0-9-], so the two never collide.
const idPattern = (prefix: string) => new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,64}$`);

export const snapshotId = z.string().regex(idPattern("snap"), "must be a snapshot id (snap_…)");
export const sandboxId = z.string().regex(idPattern("sbx"), "must be a sandbox id (sbx_…)");
export const patchId = z.string().regex(idPattern("pat"), "must be a patch id (pat_…)");
export const tokenId = z.string().regex(idPattern("tok"), "must be a token id (tok_…)");
/** What a name is made of (also the fleet search's test of whether a prefix can start one). */
export const NAME_PATTERN = /^[a-z0-9-]+$/;
export const name = z
  .string()
  .min(1, "must not be empty")
  .max(NAME_MAX_CHARS, `must be at most ${NAME_MAX_CHARS} characters`)
  .regex(NAME_PATTERN, "may only contain a-z, 0-9 and -");

export const snapshotRef = z
  .union([snapshotId, name], { error: "must be a snapshot id (snap_…) or name" })
  .describe("A snapshot id (snap_…) or name.");
export const sandboxRef = z.union([sandboxId, name], { error: "must be a sandbox id (sbx_…) or name" }).describe("A sandbox id (sbx_…) or name.");

/** A date-time a client sends: ISO-8601 with an offset, handed to the domain as a Date. */
export const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time" }).transform((s) => new Date(s));
/** A date-time the API answers with (always UTC, `toISOString()`). */
export const timestamp = z.iso.datetime();

export const description = z.string().max(DESCRIPTION_MAX_CHARS, `must be at most ${DESCRIPTION_MAX_CHARS} characters`);
/** Counted in UTF-8 bytes, as stored; the attach form asks the same scriptFits, so both agree on what fits. */
export const script = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => s === "" || s.trim() !== "", "must not be only whitespace") // an empty one says just that
  .refine(scriptFits, `must be at most ${SCRIPT_MAX_BYTES / 1024} KiB in UTF-8`)
  .describe(`At most ${SCRIPT_MAX_BYTES / 1024} KiB, counted in UTF-8 bytes.`);

/** A `limit` query parameter: digits only, within 1..max. */
export const pageLimit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be from 1 to ${max}`).max(max, `must be from 1 to ${max}`))
    .default(fallback)
    .describe(`A whole number from 1 to ${max}; default ${fallback}.`);

/** A count of things: never negative. */
export const count = z.number().int().min(0);
