import { eventRoutes } from "@/lib/contract";
import { config } from "@/lib/config";
import { getDatabase } from "@/lib/boot";
import { stillAuthenticated } from "@/lib/auth/authenticate";
import { resolveScope } from "@/lib/events/scope";
import { openEventStream } from "@/lib/events/stream";
import { route } from "@/lib/http/route";
import { methodsNotAllowed } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

export const GET = route(eventRoutes.events, async ({ req, db, query, principal }) =>
  openEventStream({
    database: await getDatabase(),
    scope: await resolveScope(db, query),
    lastEventId: req.headers.get("last-event-id"),
    callerId: principal.id,
    heartbeatMs: config().eventsHeartbeatMs,
    maxStreams: config().eventsMaxStreams,
    stillAllowed: () => stillAuthenticated(db, req, principal.id),
    signal: req.signal,
  }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
