import { allRoutes } from "../contract";
import { methods as canonicalOrder } from "../contract/registry";
import { ApiError, errorPayload } from "./errors";

const compiled = allRoutes.map((route) => ({ route, pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));

/** The contract's routes whose path matches, whatever their method. */
const routesAt = (pathname: string) => compiled.filter((c) => c.pattern.test(pathname)).map((c) => c.route);

/** The methods the contract serves at a path (HEAD with GET), in the order the 405 handlers name them; none when no route is there. */
export function allowedMethods(pathname: string): string[] {
  const served = new Set<string>(routesAt(pathname).map((r) => r.method));
  const methods = canonicalOrder.filter((m) => served.has(m));
  return served.has("GET") ? [...methods, "HEAD"] : methods;
}

/** The error shape the routes at a path promise: "message" for a platform's `{"error": "<message>"}`, else Lineage's. */
export const errorShapeAt = (pathname: string): "message" | undefined =>
  routesAt(pathname).some((r) => r.errorShape === "message") ? "message" : undefined;

/**
 * The error body for a path, in the shape its routes promise: answers made before a handler runs
 * (a broken escape, a method the path lacks) must not switch a platform's client to Lineage's shape.
 */
export function errorBodyAt(pathname: string, err: ApiError) {
  return errorPayload(err, errorShapeAt(pathname));
}
