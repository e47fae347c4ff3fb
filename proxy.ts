import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath } from "@/lib/http/edge/malformed-path";
import { refuseUnsupportedMethod } from "@/lib/http/edge/unsupported-method";
import { applySecurityHeaders, newNonce, requestHeadersWithNonce } from "@/lib/http/edge/security-headers";

/**
 * Runs before every route (Next.js proxy): refuses what the framework itself would turn into a 500,
 * then adds the headers every answer carries. One function per concern, composed here.
 */
export function proxy(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const requestHeaders = requestHeadersWithNonce(req, nonce);
  const res = refuseMalformedPath(req) ?? refuseUnsupportedMethod(req) ?? NextResponse.next({ request: { headers: requestHeaders } });
  return applySecurityHeaders(req, res, nonce);
}

export const config = {
  // Static build files need none of it.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
