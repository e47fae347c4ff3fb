import { DataDirLockedError } from "../db/data-dir-lock";
import { ApiError } from "./errors";

const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300"]);

/** Whether a driver error is a unique violation of the named index (PostgreSQL and PGlite both report it). */
export function violates(err: unknown, constraint: string): boolean {
  const e = ((err as { cause?: unknown })?.cause ?? err) as { code?: unknown; constraint?: unknown; message?: unknown };
  return e?.code === "23505" && (e.constraint === constraint || (typeof e.message === "string" && e.message.includes(`"${constraint}"`)));
}

/**
 * Maps driver errors to API errors: a lost database is a 503 the client may retry;
 * a constraint or value error that validation let through is a 409/400, never a 500.
 */
export function classifyDatabaseError(err: unknown): ApiError | null {
  // Another process has the embedded data folder (`npm start` says so at start-up; a bare `next start` finds out here).
  if (err instanceof DataDirLockedError) {
    return new ApiError("database_unavailable", "The embedded database is in use by another process; stop it and retry.", {
      "Retry-After": "2",
    });
  }
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : "";
  if (
    (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) ||
    /Connection terminated|timeout exceeded when trying to connect|is not queryable|Query read timeout/i.test(message)
  ) {
    return new ApiError("database_unavailable", "The database is unavailable; retry shortly.", { "Retry-After": "2" });
  }
  if (code === "23505") return new ApiError("conflict", "That conflicts with an existing record.");
  if (code === "23503") return new ApiError("missing_reference", "That refers to a record that does not exist.");
  if (typeof code === "string" && code.startsWith("22")) {
    return new ApiError("invalid_value", "A value in the request is out of range or malformed.");
  }
  return null;
}
