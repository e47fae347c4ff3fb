import { z } from "zod";
import { createClient, type LineageClient } from "../client";
import { checkOption } from "./args";
import { UsageError } from "./errors";
import { styleFor, type Style } from "./style";
import { terminalSafeDeep, terminalSafeJson } from "./terminal-safe";

/** The process streams and environment, passed in so the CLI runs the same in tests. */
export type Io = {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<string | Buffer> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
};

export const DEFAULT_URL = "http://localhost:3000";

/** What a command needs once its arguments are valid: a client, the clock and the output style. */
export type Session = {
  client: LineageClient;
  now: Date;
  style: Style;
  /**
   * Prints an API answer: as JSON with --json, else rendered for people from a copy whose strings
   * are terminal-safe. The one way commands print server data, so none prints a control raw.
   */
  show: <T>(data: T, render: (safe: T) => string) => void;
  /** Opens an event stream (GET /api/events?<query>), resuming after `lastEventId` when given. */
  openEvents: (query: string, lastEventId: string | null) => Promise<Response>;
};

const serverUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
// LINEAGE_NOW pins "now" for relative times (tests, reproducible examples); unset means the clock.
const isoNow = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time" });

export function openSession(command: string, values: { url?: string; token?: string; json?: boolean }, io: Io): Session {
  const baseUrl = checkOption(command, "url", serverUrl, values.url ?? io.env.LINEAGE_URL ?? DEFAULT_URL);
  const token = values.token ?? io.env.LINEAGE_TOKEN;
  if (!token) throw new UsageError("no token: pass --token or set LINEAGE_TOKEN", command);
  const pinned = io.env.LINEAGE_NOW;
  if (pinned !== undefined && !isoNow.safeParse(pinned).success) {
    throw new UsageError(`LINEAGE_NOW must be an ISO-8601 date-time (got "${pinned}")`);
  }
  return {
    client: createClient({ baseUrl, token }),
    now: pinned === undefined ? new Date() : new Date(pinned),
    style: styleFor(io.stdout.isTTY === true, io.env),
    show: (data, render) => void io.stdout.write(values.json ? `${terminalSafeJson(data)}\n` : render(terminalSafeDeep(data))),
    openEvents: (query, lastEventId) =>
      fetch(new URL(`/api/events?${query}`, baseUrl), {
        headers: { authorization: `Bearer ${token}`, accept: "text/event-stream", ...(lastEventId && { "last-event-id": lastEventId }) },
      }),
  };
}
