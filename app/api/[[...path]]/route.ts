import { errorBody } from "@/lib/http/errors";

// Unknown API paths answer in the API's error shape, not with an HTML page.
const notFound = (req: Request) =>
  Response.json(errorBody("route_not_found", `No API route ${req.method} ${new URL(req.url).pathname}.`), { status: 404 });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
