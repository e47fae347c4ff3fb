import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { dispatch, type TestApp } from "./app";

/** Serves a TestApp's routes over real HTTP on a free loopback port (for clients such as the CLI). */
export async function serveOverHttp(app: TestApp): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      ...(hasBody && { duplex: "half" }),
    } as RequestInit);
    // An answer outside the contract is a 500 here, so the client under test sees it fail.
    const response = await dispatch(app.routes, request).catch((err: unknown) => Response.json({ contract: String(err) }, { status: 500 }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    // Streamed as it comes (an event stream never ends); a client that leaves cancels it.
    if (!response.body) return void res.end();
    const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
    res.on("close", () => body.destroy());
    body.pipe(res);
  };
  const server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
