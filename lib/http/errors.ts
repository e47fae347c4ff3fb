import { errorStatuses, type CodeWithStatus, type ErrorCode } from "../contract/errors";

/**
 * An error the API answers with its code (from the contract, which fixes its status); anything
 * else is a 500 (or 503 when the database is down).
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = errorStatuses[code];
  }
}

export const badRequest = (code: CodeWithStatus<400>, message: string) => new ApiError(code, message);
export const unauthorized = (message = "Sign in, or send an Authorization: Bearer token.") => new ApiError("unauthorized", message);
export const forbidden = (message: string) => new ApiError("forbidden", message);
export const notFound = (code: CodeWithStatus<404>, message: string) => new ApiError(code, message);
export const conflict = (code: CodeWithStatus<409>, message: string) => new ApiError(code, message);

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

/** The body of an error in a route's shape (see `errorShape` in the contract). */
export const errorPayload = (err: ApiError, shape?: "message") => (shape === "message" ? { error: err.message } : errorBody(err.code, err.message));

export function errorResponse(err: ApiError, shape?: "message"): Response {
  return Response.json(errorPayload(err, shape), { status: err.status, headers: err.headers });
}
