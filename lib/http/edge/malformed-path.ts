import { NextResponse, type NextRequest } from "next/server";
import { badRequest } from "../errors";
import { errorBodyAt } from "../routes-at";
import { isApiPath } from "./api-path";
import { badRequestPage } from "./bad-request-page";

/**
 * A path with a broken percent-escape (`%ZZ`, a lone `%`, `%ED%A0%80` which is not UTF-8) cannot
 * name anything, and left to the framework it fails deep in routing with a 500. Refused here:
 * a 400 in the path's error shape under /api, the designed bad-request page elsewhere.
 */
export function refuseMalformedPath(req: NextRequest): NextResponse | undefined {
  const { pathname } = new URL(req.url);
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    if (isApiPath(pathname)) {
      return NextResponse.json(errorBodyAt(pathname, badRequest("invalid_path", "The path is not valid percent-encoded UTF-8.")), { status: 400 });
    }
    return badRequestPage();
  }
}
