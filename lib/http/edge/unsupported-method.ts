import { NextResponse, type NextRequest } from "next/server";
import { allRoutes } from "../../contract";
import { errorBody } from "../errors";
import { isApiPath } from "./api-path";

/** The methods route handlers serve; Next.js answers any other (TRACE, CONNECT, PROPFIND…) with a 500. */
const served = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

const patterns = Object.values(allRoutes).map((r) => ({
  method: r.method as string,
  pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** The methods the contract serves at a path (HEAD with GET), or none when no route is there. */
export function allowedMethods(pathname: string): string[] {
  const methods = patterns.filter((p) => p.pattern.test(pathname)).map((p) => p.method);
  return methods.includes("GET") ? [...methods, "HEAD"] : methods;
}

/** Other methods on /api answer 405 with the path's Allow list (404 where no route is), in the error shape. */
export function refuseUnsupportedMethod(req: NextRequest): NextResponse | undefined {
  const { pathname } = new URL(req.url);
  if (served.has(req.method) || !isApiPath(pathname)) return undefined;
  const allow = allowedMethods(pathname);
  if (!allow.length) {
    return NextResponse.json(errorBody("route_not_found", `No API route ${req.method} ${pathname}.`), { status: 404 });
  }
  return NextResponse.json(errorBody("method_not_allowed", `${req.method} is not supported here; use ${allow.join(", ")}.`), {
    status: 405,
    headers: { Allow: allow.join(", ") },
  });
}
