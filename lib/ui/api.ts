/** The API client the browser uses: same origin, authenticated by the session cookie. */
import { ApiRequestError, createClient, NetworkError } from "../client";

export const api = createClient({ baseUrl: "" });

/** The sentence to show for a failed request: the API's own message, plus what to do where that helps. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return `${error.message} Sign in again to continue.`;
    if (error.status === 429 && error.retryAfter) return `${error.message} Try again in ${error.retryAfter}s.`;
    return error.message;
  }
  if (error instanceof NetworkError) return "The Lineage server cannot be reached. Check your connection and retry.";
  return error instanceof Error ? error.message : String(error);
}

export const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;
