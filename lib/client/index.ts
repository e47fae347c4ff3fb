/**
 * Typed client for the Lineage HTTP API, shared by the pages and the CLI. Every request and
 * answer type is the route's contract entry (lib/contract): what a client sends is the schema's
 * input, what it gets back is the answer schema's output. Type-only imports: no schema is bundled.
 */
import type { ErrorCode } from "../contract/errors";
import type { Answer, Input, RouteContract } from "../contract/registry";
import type { auditRoutes } from "../contract/audit";
import type { fleetRoutes } from "../contract/fleet";
import type { patchRoutes } from "../contract/patches";
import type { sandboxRoutes } from "../contract/sandboxes";
import type { sessionRoutes } from "../contract/session";
import type { snapshotRoutes } from "../contract/snapshots";
import type { tokenRoutes } from "../contract/tokens";
import type { userRoutes } from "../contract/users";

type Snapshots = typeof snapshotRoutes;
type Patches = typeof patchRoutes;
type Sandboxes = typeof sandboxRoutes;
type Tokens = typeof tokenRoutes;
type Users = typeof userRoutes;

export type TreePage = Answer<Snapshots["tree"]>;
export type TreeNode = TreePage["snapshots"][number];
export type SnapshotView = Answer<Snapshots["getSnapshot"]>["snapshot"];
export type SandboxDetail = Answer<Sandboxes["getSandbox"]>["sandbox"];
export type PatchView = Answer<Patches["removePatch"]>["patch"];
export type PatchWithRollout = Answer<Patches["listPatches"]>["patches"][number];
export type Rollout = PatchWithRollout["rollout"];
export type FleetPage = Answer<(typeof fleetRoutes)["listFleet"]>;
export type FleetSandbox = FleetPage["sandboxes"][number];
export type FleetCounts = FleetPage["counts"];
/** The filters of a fleet list (and of its CSV): state, status, q, patch. */
export type FleetFilters = Omit<QueryInput<(typeof fleetRoutes)["listFleet"]>, "limit" | "cursor" | "format">;
export type AttachResult = Answer<Patches["attachPatch"]>;
export type SandboxPatches = Answer<Sandboxes["sandboxPatches"]>;
export type SandboxPatch = SandboxPatches["patches"][number];
export type PatchResult = Answer<Sandboxes["reportPatchResult"]>;
export type SearchResults = Answer<Sandboxes["search"]>;
export type SearchResult = SearchResults["results"][number];
export type AuditPage = Answer<(typeof auditRoutes)["listAudit"]>;
export type TokenInfo = Answer<Tokens["listTokens"]>["tokens"][number];
export type User = Answer<(typeof sessionRoutes)["getSession"]>["user"];
export type UsersPage = Answer<Users["listUsers"]>;
export type ProviderUser = UsersPage["users"][number];

/** Query values travel as text: where the schema reads a string (digits, say), a number is written out too. */
type QueryInput<R extends RouteContract> = {
  [K in keyof Input<R, "query">]: string extends Exclude<Input<R, "query">[K], undefined> ? Input<R, "query">[K] | number : Input<R, "query">[K];
};
type Body<R extends RouteContract> = Input<R, "body">;

/** An error answered by the API: its status and the `error.code` / `error.message` it sent. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    /**
     * A code of the contract; `http_error` / `invalid_response` when the answer was not the API's;
     * `not_found` when a name is neither a sandbox nor a snapshot (the CLI asks for both).
     */
    readonly code: ErrorCode | "http_error" | "invalid_response" | "not_found",
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The request never got an answer (server down, DNS, refused connection). */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    readonly cause: unknown,
  ) {
    super(`Could not reach ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export type ClientOptions = {
  /** Origin of the server, e.g. http://localhost:3000; empty for same-origin browser calls. */
  baseUrl?: string;
  /** Bearer token; browsers rely on the session cookie instead. */
  token?: string;
  fetch?: typeof fetch;
};

export function createClient(opts: ClientOptions = {}) {
  const base = (opts.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const { res, url } = await send(method, path, body, headers);
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiRequestError(res.status, "invalid_response", `${method} ${url} answered ${res.status} with a body that is not JSON.`);
    }
    if (!res.ok) throw errorOf(res, data, method, url);
    return data as T;
  }

  /** A streamed answer (CSV): its body as it arrives; an error answer is still JSON. */
  async function stream(path: string): Promise<ReadableStream<Uint8Array>> {
    const { res, url } = await send("GET", path, undefined, { accept: "text/csv" });
    if (res.ok && res.body) return res.body;
    const data: unknown = await res.json().catch(() => null);
    throw errorOf(res, data, "GET", url);
  }

  async function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const url = `${base}${path}`;
    const h: Record<string, string> = { accept: "application/json", ...headers };
    if (opts.token) h.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) h["content-type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    } catch (err) {
      throw new NetworkError(url, err);
    }
    return { res, url };
  }

  const enc = encodeURIComponent;
  const qs = (params: Record<string, string | number | undefined>) => {
    const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
    return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : "";
  };

  return {
    tree: (p: QueryInput<Snapshots["tree"]>) => request<TreePage>("GET", `/api/snapshots/tree${qs(p)}`),
    snapshot: (ref: string) => request<Answer<Snapshots["getSnapshot"]>>("GET", `/api/snapshots/${enc(ref)}`),
    /** The ancestor of `ref` at a depth (`{ depth }`) or as of a date (`{ asOf }`, ISO-8601). */
    ancestor: (ref: string, q: QueryInput<Snapshots["ancestor"]>) =>
      request<Answer<Snapshots["ancestor"]>>("GET", `/api/snapshots/${enc(ref)}/ancestor${qs(q)}`),
    sandbox: (ref: string) => request<Answer<Sandboxes["getSandbox"]>>("GET", `/api/sandboxes/${enc(ref)}`),
    recentSandboxes: (limit?: number) => request<Answer<Sandboxes["recentSandboxes"]>>("GET", `/api/sandboxes${qs({ limit })}`),
    sandboxPatches: (ref: string) => request<SandboxPatches>("GET", `/api/sandboxes/${enc(ref)}/patches`),
    search: (q: string) => request<SearchResults>("GET", `/api/search${qs({ q })}`),

    fleet: (ref: string, p: Omit<QueryInput<(typeof fleetRoutes)["listFleet"]>, "format"> = {}) =>
      request<FleetPage>("GET", `/api/snapshots/${enc(ref)}/sandboxes${qs(p)}`),
    /** Every matching sandbox of the fleet as CSV, streamed. */
    fleetCsv: (ref: string, filters: FleetFilters = {}) => stream(`/api/snapshots/${enc(ref)}/sandboxes${qs({ ...filters, format: "csv" })}`),

    listPatches: (ref: string, opts: { includeRemoved?: boolean } = {}) =>
      request<Answer<Patches["listPatches"]>>("GET", `/api/snapshots/${enc(ref)}/patches${qs({ include: opts.includeRemoved ? "removed" : undefined })}`),
    attachPatch: (ref: string, input: Body<Patches["attachPatch"]>, idempotencyKey?: string) =>
      request<AttachResult>("POST", `/api/snapshots/${enc(ref)}/patches`, input, idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    removePatch: (ref: string, patchId: string) =>
      request<Answer<Patches["removePatch"]>>("DELETE", `/api/snapshots/${enc(ref)}/patches/${enc(patchId)}`),

    putSandbox: (id: string, input: Body<Sandboxes["putSandbox"]>) => request<Answer<Sandboxes["putSandbox"]>>("PUT", `/api/sandboxes/${enc(id)}`, input),
    putSnapshot: (id: string, input: Body<Snapshots["putSnapshot"]>) =>
      request<Answer<Snapshots["putSnapshot"]>>("PUT", `/api/snapshots/${enc(id)}`, input),
    pendingPatches: (sandboxId: string) => request<Answer<Sandboxes["pendingPatches"]>>("GET", `/api/sandboxes/${enc(sandboxId)}/pending-patches`),
    reportPatchResult: (sandboxId: string, input: Body<Sandboxes["reportPatchResult"]>) =>
      request<PatchResult>("POST", `/api/sandboxes/${enc(sandboxId)}/patch-results`, input),

    session: () => request<Answer<(typeof sessionRoutes)["getSession"]>>("GET", "/api/session"),
    signIn: (token: string) => request<Answer<(typeof sessionRoutes)["signIn"]>>("POST", "/api/session", { token } satisfies Body<(typeof sessionRoutes)["signIn"]>),
    signOut: () => request<Answer<(typeof sessionRoutes)["signOut"]>>("DELETE", "/api/session"),
    audit: (p: QueryInput<(typeof auditRoutes)["listAudit"]> = {}) => request<AuditPage>("GET", `/api/audit${qs(p)}`),
    tokens: () => request<Answer<Tokens["listTokens"]>>("GET", "/api/tokens"),
    createToken: (input: Body<Tokens["createToken"]>) => request<Answer<Tokens["createToken"]>>("POST", "/api/tokens", input),
    revokeToken: (id: string) => request<Answer<Tokens["revokeToken"]>>("DELETE", `/api/tokens/${enc(id)}`),
    users: (p: QueryInput<Users["listUsers"]> = {}) => request<UsersPage>("GET", `/api/users${qs(p)}`),
    endUserSessions: (id: string) => request<Answer<Users["endUserSessions"]>>("DELETE", `/api/users/${enc(id)}/sessions`),
  };
}

export type LineageClient = ReturnType<typeof createClient>;

function errorOf(res: Response, data: unknown, method: string, url: string): ApiRequestError {
  const error = (data as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
  const retry = Number(res.headers.get("retry-after"));
  return new ApiRequestError(
    res.status,
    error?.code ?? "http_error",
    error?.message ?? `${method} ${url} answered ${res.status}.`,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}
