/**
 * Typed client for the Lineage HTTP API, shared by the pages and the CLI.
 * Types come from the server modules (type-only imports: nothing server-side is bundled).
 */
import type { TreePage } from "../lineage/tree";
import type { SnapshotView } from "../lineage/views";
import type { SandboxDetail } from "../lineage/sandboxes";
import type { PatchView } from "../patches/patches";
import type { sandboxPatchStates, recordPatchResult } from "../patches/wake";
import type { search } from "../lineage/search";
import type { listAudit } from "../audit";
import type { listTokens } from "../auth/tokens";
import type { Role } from "../contract/enums";

export type { TreePage, TreeNode } from "../lineage/tree";
export type { SnapshotView, SandboxView } from "../lineage/views";
export type { SandboxDetail } from "../lineage/sandboxes";
export type { PatchView } from "../patches/patches";
export type SandboxPatches = Awaited<ReturnType<typeof sandboxPatchStates>>;
export type SandboxPatch = SandboxPatches["patches"][number];
export type PatchResult = Awaited<ReturnType<typeof recordPatchResult>>;
export type SearchResults = Awaited<ReturnType<typeof search>>;
export type SearchResult = SearchResults["results"][number];
export type AuditPage = Awaited<ReturnType<typeof listAudit>>;
export type TokenInfo = Awaited<ReturnType<typeof listTokens>>[number];
export type User = { name: string; role: Role; tokenId: string };
export type AttachResult = { patch: PatchView; reach: { sandboxes: string[] } };

/** An error answered by the API: its status and the `error.code` / `error.message` it sent. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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

type TreeParams = { snapshotId: string; sortOrder?: "asc" | "desc"; limit?: number; cursor?: string };

export function createClient(opts: ClientOptions = {}) {
  const base = (opts.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
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
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiRequestError(res.status, "invalid_response", `${method} ${url} answered ${res.status} with a body that is not JSON.`);
    }
    if (!res.ok) {
      const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
      const retry = Number(res.headers.get("retry-after"));
      throw new ApiRequestError(
        res.status,
        error?.code ?? "http_error",
        error?.message ?? `${method} ${url} answered ${res.status}.`,
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
    }
    return data as T;
  }

  const enc = encodeURIComponent;
  const qs = (params: Record<string, string | number | undefined>) => {
    const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
    return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : "";
  };

  return {
    tree: (p: TreeParams) => request<TreePage>("GET", `/api/snapshots/tree${qs(p)}`),
    snapshot: (ref: string) => request<{ snapshot: SnapshotView }>("GET", `/api/snapshots/${enc(ref)}`),
    sandbox: (ref: string) => request<{ sandbox: SandboxDetail }>("GET", `/api/sandboxes/${enc(ref)}`),
    recentSandboxes: (limit?: number) => request<{ sandboxes: SandboxDetail[] }>("GET", `/api/sandboxes${qs({ limit })}`),
    sandboxPatches: (ref: string) => request<SandboxPatches>("GET", `/api/sandboxes/${enc(ref)}/patches`),
    search: (q: string) => request<SearchResults>("GET", `/api/search${qs({ q })}`),

    listPatches: (ref: string, opts: { includeRemoved?: boolean } = {}) =>
      request<{ patches: PatchView[] }>("GET", `/api/snapshots/${enc(ref)}/patches${qs({ include: opts.includeRemoved ? "removed" : undefined })}`),
    attachPatch: (ref: string, input: { script: string; description?: string }, idempotencyKey?: string) =>
      request<AttachResult>("POST", `/api/snapshots/${enc(ref)}/patches`, input, idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    removePatch: (ref: string, patchId: string) =>
      request<{ patch: PatchView }>("DELETE", `/api/snapshots/${enc(ref)}/patches/${enc(patchId)}`),

    putSandbox: (id: string, input: { name?: string | null; status: string; basedOnSnapshotId?: string; createdAt?: string }) =>
      request<{ sandbox: SandboxDetail }>("PUT", `/api/sandboxes/${enc(id)}`, input),
    putSnapshot: (
      id: string,
      input: { name?: string | null; sourceSandboxId?: string; status: string; sizeBytes: number; createdAt?: string; expiresAt?: string | null },
    ) => request<{ snapshot: SnapshotView }>("PUT", `/api/snapshots/${enc(id)}`, input),
    pendingPatches: (sandboxId: string) => request<{ patches: PatchView[] }>("GET", `/api/sandboxes/${enc(sandboxId)}/pending-patches`),
    reportPatchResult: (sandboxId: string, input: { patchId: string; status: "applied" | "failed"; output?: string }) =>
      request<PatchResult>("POST", `/api/sandboxes/${enc(sandboxId)}/patch-results`, input),

    session: () => request<{ user: User }>("GET", "/api/session"),
    signIn: (token: string) => request<{ user: User }>("POST", "/api/session", { token }),
    signOut: () => request<{ signedOut: true }>("DELETE", "/api/session"),
    audit: (p: { limit?: number; cursor?: string } = {}) => request<AuditPage>("GET", `/api/audit${qs(p)}`),
    tokens: () => request<{ tokens: TokenInfo[] }>("GET", "/api/tokens"),
    createToken: (input: { role: Role; name: string }) =>
      request<{ token: string; id: string; role: Role; name: string }>("POST", "/api/tokens", input),
    revokeToken: (id: string) => request<{ token: TokenInfo }>("DELETE", `/api/tokens/${enc(id)}`),
  };
}

export type LineageClient = ReturnType<typeof createClient>;
