import net from "node:net";
import type { AddressInfo } from "node:net";

export type TcpProxy = {
  port: number;
  /** Simulates the database going away: open connections are reset and new ones are refused. */
  cut: () => void;
  /** The database is back: new connections are forwarded again. */
  restore: () => void;
  close: () => Promise<void>;
};

/**
 * A loopback TCP proxy to `target`, so a test can take a database away from the app and give it
 * back without touching the real server (which other people use).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let up = true;
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const server = net.createServer((client) => {
    track(client);
    // Refused: a reset as soon as the connection is accepted, as from a host with nothing listening.
    if (!up) return void client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      up = false;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore: () => {
      up = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
