import { ApiError } from "./errors";
import { errorBodyAt } from "./routes-at";

export const routeMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof routeMethods)[number];

/** Stands in for a method a route lacks; marked so route discovery can tell it from a real handler. */
export type MethodNotAllowedHandler = ((req: Request) => Response) & { methodNotAllowed: true };

export const isMethodNotAllowedHandler = (handler: unknown): handler is MethodNotAllowedHandler =>
  typeof handler === "function" && (handler as Partial<MethodNotAllowedHandler>).methodNotAllowed === true;

/**
 * 405 handlers, in the path's error shape with an `Allow` header, for every method a route does not
 * implement (Next.js would answer them with a bare 405). Use:
 * `export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");`
 */
export function methodsNotAllowed(...implemented: RouteMethod[]): Record<RouteMethod, MethodNotAllowedHandler> {
  const allow = [...implemented, ...(implemented.includes("GET") ? ["HEAD"] : [])].join(", ");
  const refuse = Object.assign(
    (req: Request) =>
      Response.json(errorBodyAt(new URL(req.url).pathname, new ApiError("method_not_allowed", `${req.method} is not supported here; use ${allow}.`)), {
        status: 405,
        headers: { Allow: allow },
      }),
    { methodNotAllowed: true as const },
  );
  return Object.fromEntries(routeMethods.map((m) => [m, refuse])) as Record<RouteMethod, MethodNotAllowedHandler>;
}
