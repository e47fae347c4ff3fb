import http from "node:http";
import { methodRefusal } from "./unsupported-method";

/**
 * TRACE cannot even become a fetch Request (the Fetch standard forbids them), so Next.js
 * fails with a 500 before proxy.ts runs. They are answered here, as the server receives them:
 * 405 with the path's Allow list in the path's error shape (404 where no API route is).
 */
const forbidden = new Set(["TRACE"]);

function refuse(req: http.IncomingMessage, res: http.ServerResponse) {
  const pathname = new URL(req.url ?? "/", "http://server.invalid").pathname;
  const { status, headers, body } = methodRefusal(req.method ?? "", pathname);
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
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
