import http from "node:http";
import { errorBody } from "../errors";
import { isApiPath } from "./api-path";
import { allowedMethods } from "./unsupported-method";

/**
 * TRACE cannot even become a fetch Request (the Fetch standard forbids them), so Next.js
 * fails with a 500 before proxy.ts runs. They are answered here, as the server receives them:
 * 405 with the path's Allow list in the API's error shape (404 where no route is), a plain 405 for pages.
 */
const forbidden = new Set(["TRACE"]);

function refuse(req: http.IncomingMessage, res: http.ServerResponse) {
  const pathname = new URL(req.url ?? "/", "http://server.invalid").pathname;
  const allow = isApiPath(pathname) ? allowedMethods(pathname) : ["GET", "HEAD", "POST"];
  const body = allow.length
    ? errorBody("method_not_allowed", `${req.method} is not supported here; use ${allow.join(", ")}.`)
    : errorBody("route_not_found", `No API route ${req.method} ${pathname}.`);
  res.writeHead(allow.length ? 405 : 404, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    ...(allow.length && { Allow: allow.join(", ") }),
  });
  res.end(JSON.stringify(body));
}

/** Installs the check on every HTTP server of the process (Next.js creates its own). */
export function refuseFetchForbiddenMethods() {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (forbidden.has(req.method ?? "")) {
        refuse(req, res);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
