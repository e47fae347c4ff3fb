/** An error the API answers with its own status and code; anything else is a 500 (or 503 when the database is down). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const unauthorized = (message = "Sign in, or send an Authorization: Bearer token.") =>
  new ApiError(401, "unauthorized", message);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function errorResponse(err: ApiError): Response {
  return Response.json(errorBody(err.code, err.message), { status: err.status, headers: err.headers });
}
