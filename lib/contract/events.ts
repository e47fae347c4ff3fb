import { z } from "zod";
import { sandboxRef, snapshotRef } from "./fields";
import { defineRoutes } from "./registry";

export const eventRoutes = defineRoutes({
  events: {
    method: "GET",
    path: "/api/events",
    summary: "Live changes to one part of the lineage, as Server-Sent Events",
    description: [
      "Exactly one of `snapshot` or `sandbox`. A snapshot's stream carries the snapshot, its patches, the sandboxes",
      "based on it and their patch results, and snapshots taken of those sandboxes (its children); a sandbox's",
      "stream carries the sandbox, its patch results, snapshots taken of it, and its base snapshot and that base's patches.",
      "Event names: `snapshot`, `sandbox` (reported), `patch.attached`, `patch.removed`, `patch.result`; data is JSON with",
      "the event `id` and the ids it touches (`snapshotId`, `parentSnapshotId`, `sandboxId`, `patchId`); `sandbox` and",
      "`patch.result` also carry `sandbox`, the sandbox as a SandboxSummary after that change; refetch for other details.",
      "A new stream opens with `ready`. Every event has a monotonic `id:`; a reconnection sending `Last-Event-ID` gets",
      "what it missed, without gap or duplicate, while it is among the newest 10 000 events of the whole lineage (older",
      "ones are pruned); past that it gets `reset` (reload what you show, then carry on). A comment line every 15 s keeps",
      "proxies from closing the stream. A revoked token or ended session closes the stream. At most 10 open streams per",
      "caller on one instance (429), and at most `LINEAGE_EVENTS_MAX_STREAMS` (default 1 000) in all (503, retry shortly).",
    ].join(" "),
    access: "viewer",
    headers: { "Last-Event-ID": "The id of the last event received, to resume after a disconnection." },
    query: z
      .strictObject({ snapshot: snapshotRef.optional(), sandbox: sandboxRef.optional() })
      .refine((q) => (q.snapshot === undefined) !== (q.sandbox === undefined), { error: "give exactly one of snapshot or sandbox" }),
    responses: {},
    streams: { "text/event-stream": "the event stream (it does not end on its own)" },
    errors: ["snapshot_not_found", "sandbox_not_found", "too_many_streams", "streams_full"],
  },
});
