/**
 * Every error code the API answers with, and its HTTP status. `ApiError` takes only these codes,
 * so a new code is added here (and to the routes that answer it) or it does not compile.
 */
import { z } from "zod";

export const errorStatuses = {
  // The request itself is malformed.
  invalid_path: 400,
  invalid_query: 400,
  invalid_body: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  invalid_value: 400,
  invalid_idempotency_key: 400,
  name_reserved: 400,
  unauthorized: 401,
  forbidden: 403,
  route_not_found: 404,
  snapshot_not_found: 404,
  sandbox_not_found: 404,
  patch_not_found: 404,
  token_not_found: 404,
  user_not_found: 404,
  no_snapshot_then: 404,
  method_not_allowed: 405,
  // The request is well-formed but conflicts with what is stored.
  conflict: 409,
  missing_reference: 409,
  unknown_sandbox: 409,
  unknown_snapshot: 409,
  name_taken: 409,
  token_name_taken: 409,
  source_immutable: 409,
  based_on_immutable: 409,
  created_at_immutable: 409,
  lineage_cycle: 409,
  snapshot_not_live: 409,
  idempotency_key_reused: 409,
  patch_not_for_sandbox: 409,
  patch_removed: 409,
  already_applied: 409,
  out_of_order: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_streams: 429,
  internal_error: 500,
  database_unavailable: 503,
  streams_full: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatuses;
export type ErrorStatus = (typeof errorStatuses)[ErrorCode];
/** The codes answered with `status`, e.g. `CodeWithStatus<404>`. */
export type CodeWithStatus<S extends ErrorStatus> = { [C in ErrorCode]: (typeof errorStatuses)[C] extends S ? C : never }[ErrorCode];

export const errorCodes = Object.keys(errorStatuses) as [ErrorCode, ...ErrorCode[]];

/** The one error shape: `{"error": {"code", "message"}}`. */
export const errorBody = (codes: readonly ErrorCode[] = errorCodes) =>
  z.strictObject({ error: z.strictObject({ code: z.enum(codes as [ErrorCode, ...ErrorCode[]]), message: z.string() }) });
export type ErrorBody = z.infer<ReturnType<typeof errorBody>>;

/** The error shape of routes that serve another platform's clients (`errorShape: "message"`): `{"error": "<message>"}`. */
export const messageErrorBody = z.strictObject({ error: z.string() }).meta({ id: "MessageError" });
