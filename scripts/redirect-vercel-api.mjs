/**
 * Points Vercel's `sandbox` CLI (or any script using @vercel/sandbox) at a Lineage server, unchanged:
 *
 *   LINEAGE_URL=http://localhost:3000 VERCEL_AUTH_TOKEN=lin_… \
 *     node --import ./scripts/redirect-vercel-api.mjs node_modules/.bin/sandbox snapshots tree my-sandbox --scope lineage --project lineage
 *
 * Calls to Vercel's API (https://vercel.com/api/…) go to LINEAGE_URL with the same path and query.
 * Nothing else leaves the machine: the CLI's version check and telemetry are switched off, and any
 * other connection to a host that is not loopback or LINEAGE_URL's is refused, with a line on stderr.
 */
import net from "node:net";

const target = new URL(process.env.LINEAGE_URL ?? "http://localhost:3000");
const VERCEL_API = "https://vercel.com/api/";
const allowedHosts = new Set(["localhost", "127.0.0.1", "::1", target.hostname]);

process.env.SANDBOX_SKIP_VERSION_CHECK ??= "1";
process.env.VERCEL_TELEMETRY_DISABLED ??= "1";

const refuse = (what) => {
  process.stderr.write(`redirect-vercel-api: refused ${what}\n`);
  return new Error(`redirect-vercel-api: ${what} is not Lineage (LINEAGE_URL=${target.origin})`);
};

const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!url.href.startsWith(VERCEL_API)) {
    if (allowedHosts.has(url.hostname)) return originalFetch(input, init);
    return Promise.reject(refuse(url.href));
  }
  // The SDK hands fetch its own undici dispatcher; it is not needed (nor compatible) here.
  const rest = { ...init };
  delete rest.dispatcher;
  return originalFetch(new URL(`${target.pathname.replace(/\/$/, "")}${url.pathname}${url.search}`, target), rest);
};

// The guard under every client (fetch, http, tls, websockets): only loopback and LINEAGE_URL's host.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const [first, second] = args;
  const options = Array.isArray(first) ? first[0] : first;
  const host = typeof options === "object" && options !== null ? (options.path ? undefined : (options.host ?? "localhost")) : typeof second === "string" ? second : "localhost";
  if (host !== undefined && !allowedHosts.has(host.replace(/^\[|\]$/g, ""))) {
    const error = refuse(`a connection to ${host}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args);
};
