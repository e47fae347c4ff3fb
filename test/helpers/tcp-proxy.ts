import net from "node:net";
import type { AddressInfo } from "node:net";

export type TcpProxy = {
  port: number;
  /** The database goes away: open connections are reset and new ones are refused. */
  cut: () => void;
  /** A silent partition: nothing flows either way and nothing is reset; new connections hang. */
  stall: () => void;
  /** The database is back: traffic flows again, and new connections are forwarded. */
  restore: () => void;
  close: () => Promise<void>;
};

type Pair = { client: net.Socket; upstream: net.Socket };

/**
 * A loopback TCP proxy to `target`, so a test can take a database away from the app and give it
 * back without touching the real server (which other people use).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: "up" | "cut" | "stalled" = "up";
  const open = new Set<net.Socket>();
  const pairs = new Set<Pair>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const flow = ({ client, upstream }: Pair) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  // Unpiped and paused, a socket reads nothing, so data waits in the kernel as in a partition.
  const halt = ({ client, upstream }: Pair) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };

  const server = net.createServer((client) => {
    track(client);
    // Refused: a reset as soon as the connection is accepted, as from a host with nothing listening.
    if (mode === "cut") return void client.resetAndDestroy();
    // Stalled: accepted and never answered (closed on restore; the client has given up by then).
    if (mode === "stalled") return void client.pause();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const pair = { client, upstream };
    pairs.add(pair);
    flow(pair);
    client.on("close", () => (upstream.destroy(), pairs.delete(pair)));
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      mode = "cut";
      for (const socket of open) socket.resetAndDestroy();
    },
    stall: () => {
      mode = "stalled";
      for (const pair of pairs) halt(pair);
    },
    restore: () => {
      if (mode === "stalled") {
        for (const socket of open) if (![...pairs].some((p) => p.client === socket || p.upstream === socket)) socket.destroy();
        for (const pair of pairs) flow(pair);
      }
      mode = "up";
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
