import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "../errors";
import { allowedMethods, errorBodyAt } from "../routes-at";
import { isApiPath } from "./api-path";

/** The methods route handlers serve; Next.js answers any other (TRACE, CONNECT, PROPFIND…) with a 500. */
const served = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

/** Pages take what a browser sends. */
const pageMethods = ["GET", "HEAD", "POST"];

/** What a path answers to a method it does not serve: 405 with its Allow list, or 404 where no API route is. */
export function methodRefusal(method: string, pathname: string): { status: number; headers: Record<string, string>; body: object } {
  const allow = isApiPath(pathname) ? allowedMethods(pathname) : pageMethods;
  const err = allow.length
    ? new ApiError("method_not_allowed", `${method} is not supported here; use ${allow.join(", ")}.`, { Allow: allow.join(", ") })
    : new ApiError("route_not_found", `No API route ${method} ${pathname}.`);
  return { status: err.status, headers: err.headers, body: errorBodyAt(pathname, err) };
}

/** Other methods on /api answer 405 with the path's Allow list (404 where no route is), in the path's error shape. */
export function refuseUnsupportedMethod(req: NextRequest): NextResponse | undefined {
  const { pathname } = new URL(req.url);
  if (served.has(req.method) || !isApiPath(pathname)) return undefined;
  const { status, headers, body } = methodRefusal(req.method, pathname);
  return NextResponse.json(body, { status, headers });
}
