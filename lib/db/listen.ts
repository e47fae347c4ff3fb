import type { Client } from "pg";

/** Called on every notification, and after each (re)connection: anything may have been missed meanwhile. */
export type OnNotify = () => void;
export type Unlisten = () => Promise<void>;

const MAX_BACKOFF_MS = 10_000;

/**
 * One dedicated LISTEN connection, kept open: when it drops it reconnects with a growing delay
 * (0.25 s doubling to 10 s), and calls `onNotify` once listening again so the caller can catch up.
 */
export function listenPostgres(databaseUrl: string, channel: string, onNotify: OnNotify, makeClient: (url: string) => Client): Unlisten {
  let stopped = false;
  let client: Client | undefined;
  let backoff = 250;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const c = makeClient(databaseUrl);
    client = c;
    const scheduleRetry = () => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => {});
      retry = setTimeout(() => void connect(), backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
    c.on("error", scheduleRetry);
    c.on("end", scheduleRetry);
    c.on("notification", (msg) => {
      if (msg.channel === channel) onNotify();
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel}"`);
      backoff = 250;
      onNotify();
    } catch {
      scheduleRetry();
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
