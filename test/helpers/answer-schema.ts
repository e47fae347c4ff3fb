import { z } from "zod";
import { errorBody, errorStatuses, messageErrorBody } from "@/lib/contract/errors";
import { routeErrors, type RouteContract } from "@/lib/contract/registry";
import { isMethodNotAllowedHandler } from "@/lib/http/methods";
import { errorShapeAt } from "@/lib/http/routes-at";

/**
 * The schema an answer with `status` must match: the route's success schema for that status, or
 * the error shape with one of the codes the route declares for it. An answer its contract does
 * not declare fails the test that provoked it, so every integration test checks shapes.
 */
export function answerSchema(handler: unknown, catchAll: boolean, path: string, status: number): z.ZodType {
  // A 405 stands in for a handler the route lacks; it answers in the shape the path's routes promise.
  if (isMethodNotAllowedHandler(handler)) return errorShapeAt(path) === "message" ? messageErrorBody : errorBody(["method_not_allowed"]);
  const contract = (handler as { contract?: RouteContract }).contract;
  if (!contract) {
    if (catchAll) return errorBody(["route_not_found"]);
    throw new Error("A route handler without a contract entry: wrap it with route(entry, …)");
  }
  const success = contract.responses[status];
  const codes = routeErrors(contract).filter((code) => errorStatuses[code] === status);
  const error = contract.errorShape === "message" ? messageErrorBody : errorBody(codes);
  const options = [success, codes.length ? error : undefined].filter((s): s is z.ZodType => s !== undefined);
  if (!options.length) throw new Error(`${contract.method} ${contract.path} answered ${status}, which its contract does not declare`);
  return options.length === 1 ? options[0]! : z.union(options);
}

/** Throws unless the route's contract declares this non-JSON answer (a CSV export, an event stream). */
export function checkStream(handler: unknown, method: string, path: string, status: number, mediaType: string) {
  const contract = (handler as { contract?: RouteContract }).contract;
  if (status !== 200 || !contract?.streams?.[mediaType]) {
    throw new Error(`${method} ${path} answered ${status} with ${mediaType || "no content type"}, which its contract does not declare`);
  }
}

/** Throws unless the route's contract declares this redirect (a 3xx with a Location and no body). */
export function checkRedirect(handler: unknown, method: string, path: string, status: number, location: string | null) {
  const contract = (handler as { contract?: RouteContract }).contract;
  if (!contract?.redirects?.[status] || !location) {
    throw new Error(`${method} ${path} answered ${status} to ${location ?? "nowhere"}, which its contract does not declare`);
  }
}

/** Throws when a JSON answer does not match what the route's contract says for its status. */
export function checkAnswer(handler: unknown, catchAll: boolean, method: string, path: string, status: number, body: unknown) {
  const result = answerSchema(handler, catchAll, path, status).safeParse(body);
  if (!result.success) {
    throw new Error(`${method} ${path} answered ${status} with a body outside its contract: ${z.prettifyError(result.error)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}
