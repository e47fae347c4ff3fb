import { describe, expect, it, vi } from "vitest";
import { QueryClient, QueryObserver, type InfiniteData } from "@tanstack/react-query";
import type { SandboxDetail, TreeNode, TreePage } from "@/lib/client";
import { LiveRefresher, MAX_FETCHES_PER_ROUND, type LiveFetchers } from "@/lib/ui/live-refresher";
import { queryKeys } from "@/lib/ui/query-keys";
import { sibling, treeNode } from "../helpers/tree-node";

const walk = (...snapshots: TreeNode[]): InfiniteData<TreePage> => ({ pages: [{ snapshots, pagination: { next: null } }], pageParams: [undefined] });
const detail = (id: string, basedOn: string, fields: Partial<SandboxDetail> = {}): { sandbox: SandboxDetail } => ({
  sandbox: { ...sibling(id), basedOnSnapshotId: basedOn, createdAt: "x", updatedAt: "x", currentSnapshotId: basedOn, ...fields },
});

/** A page's cache: the anchor snap_a (sbx_1 and sbx_2 beside it) and its descendant snap_b, taken of sbx_0. */
function setUp(fresh: { node?: (id: string) => TreeNode; sandbox?: (id: string) => { sandbox: SandboxDetail } } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const anchor = treeNode("snap_a", { siblings: [sibling("sbx_1"), sibling("sbx_2")], count: "2" });
  const child = treeNode("snap_b", { parentId: "snap_a", depth: 1, rootId: "snap_a", sourceSandbox: sibling("sbx_0") });
  client.setQueryData(queryKeys.tree("snap_a", "desc"), walk(anchor));
  client.setQueryData(queryKeys.tree("snap_a", "asc"), walk(anchor, child));
  const fetchers = {
    node: vi.fn(async (id: string) => fresh.node?.(id) ?? treeNode(id)),
    sandbox: vi.fn(async (id: string) => fresh.sandbox?.(id) ?? detail(id, "snap_a")),
  } satisfies LiveFetchers;
  return { client, fetchers, refresher: new LiveRefresher(client, fetchers, 5) };
}

const descendants = (client: QueryClient) => client.getQueryData<InfiniteData<TreePage>>(queryKeys.tree("snap_a", "asc"))!.pages[0]!.snapshots;

/** Makes a query active, as a component on screen would, with a counted fetch. */
function shown(client: QueryClient, queryKey: readonly unknown[], data: unknown) {
  const fetch = vi.fn(async () => data);
  client.setQueryData(queryKey, data);
  const observer = new QueryObserver(client, { queryKey, queryFn: fetch, staleTime: Infinity });
  observer.subscribe(() => {});
  return fetch;
}

describe("LiveRefresher", () => {
  it("gathers a burst of results for the sandboxes beside one snapshot into one request for that snapshot's node", async () => {
    const { client, fetchers, refresher } = setUp({
      node: (id) => treeNode(id, { siblings: [sibling("sbx_1", { lastPatchSequence: 50 }), sibling("sbx_2", { lastPatchSequence: 50 })] }),
    });
    for (let i = 0; i < 50; i++) refresher.sandboxChanged(i % 2 ? "sbx_1" : "sbx_2", "snap_a");
    await refresher.settled();
    expect(fetchers.node.mock.calls).toEqual([["snap_a"]]);
    expect(fetchers.sandbox).not.toHaveBeenCalled();
    // Both walks that draw the anchor show the new facts; the descendant is the same object as before.
    const [anchorBelow, childBelow] = descendants(client);
    expect(anchorBelow!.siblings.map((s) => s.lastPatchSequence)).toEqual([50, 50]);
    expect(client.getQueryData<InfiniteData<TreePage>>(queryKeys.tree("snap_a", "desc"))!.pages[0]!.snapshots[0]!.siblings[0]!.lastPatchSequence).toBe(50);
    expect(childBelow!.id).toBe("snap_b");
  });

  it("draws a sandbox reported with its facts at once, with no request; only its open panel and its fleet's counts refetch", async () => {
    const { client, fetchers, refresher } = setUp();
    const counts = shown(client, queryKeys.fleetCounts("snap_a"), { sandboxes: [], counts: {}, pagination: { next: null } });
    const panel = shown(client, queryKeys.sandbox("sbx_1"), detail("sbx_1", "snap_a"));
    for (let n = 1; n <= 50; n++) refresher.sandboxReported(sibling("sbx_1", { lastPatchSequence: n }), "snap_a");
    refresher.sandboxReported(sibling("sbx_0", { status: "stopped" }), "snap_a");
    await new Promise((r) => setTimeout(r, 0)); // the next turn: drawn before any round
    expect(descendants(client)[0]!.siblings[0]!.lastPatchSequence).toBe(50);
    expect(descendants(client)[1]!.sourceSandbox!.status).toBe("stopped");
    await refresher.settled();
    expect(fetchers.node).not.toHaveBeenCalled();
    expect(fetchers.sandbox).not.toHaveBeenCalled();
    expect(panel).toHaveBeenCalledTimes(1);
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it("never lets a node fetched before a sandbox's facts arrived draw its older facts over them", async () => {
    let answer: (node: TreeNode) => void = () => {};
    const { client } = setUp();
    const fetchers = { node: vi.fn(() => new Promise<TreeNode>((r) => (answer = r))), sandbox: vi.fn() };
    const slow = new LiveRefresher(client, fetchers, 0);
    slow.snapshotChanged("snap_a");
    await vi.waitFor(() => expect(fetchers.node).toHaveBeenCalled());
    slow.sandboxReported(sibling("sbx_1", { lastPatchSequence: 7 }), "snap_a");
    answer(treeNode("snap_a", { siblings: [sibling("sbx_1", { lastPatchSequence: 6 }), sibling("sbx_2")], patchCount: 3 }));
    await slow.settled();
    const [anchor] = descendants(client);
    expect(anchor!.patchCount).toBe(3);
    expect(anchor!.siblings[0]!.lastPatchSequence).toBe(7);
  });

  it("fetches a sandbox drawn as a snapshot's source on its own, and nothing at all for one not on screen", async () => {
    const { client, fetchers, refresher } = setUp({ sandbox: (id) => detail(id, "snap_a", { status: "stopped" }) });
    refresher.sandboxChanged("sbx_0", "snap_a");
    refresher.sandboxChanged("sbx_far_away", "snap_a");
    await refresher.settled();
    expect(fetchers.sandbox.mock.calls).toEqual([["sbx_0"]]);
    expect(fetchers.node).not.toHaveBeenCalled();
    expect(descendants(client)[1]!.sourceSandbox!.status).toBe("stopped");
  });

  it("never refetches a walk: a new child cannot re-route the chain under the user", async () => {
    const { client, refresher } = setUp();
    const walkFetch = shown(client, queryKeys.tree("snap_a", "asc"), client.getQueryData(queryKeys.tree("snap_a", "asc")));
    refresher.patchesChanged("snap_a");
    refresher.sandboxChanged("sbx_1", "snap_a");
    refresher.everythingChanged();
    await refresher.settled();
    expect(walkFetch).not.toHaveBeenCalled();
    expect(descendants(client).map((n) => n.id)).toEqual(["snap_a", "snap_b"]);
  });

  it("on a patch change refreshes the snapshot, the sandbox the chain runs through under it, the counts and rollouts; an open list is marked stale, not refetched", async () => {
    const { client, fetchers, refresher } = setUp();
    const counts = shown(client, queryKeys.fleetCounts("snap_a"), { sandboxes: [], counts: {}, pagination: { next: null } });
    const rollouts = shown(client, queryKeys.patches("snap_a", false), { patches: [] });
    const list = shown(client, queryKeys.fleet("snap_a", {}), { pages: [], pageParams: [] });
    refresher.patchesChanged("snap_a");
    await refresher.settled();
    expect(fetchers.node.mock.calls).toEqual([["snap_a"]]);
    expect(fetchers.sandbox.mock.calls).toEqual([["sbx_0"]]);
    expect(counts).toHaveBeenCalledTimes(1);
    expect(rollouts).toHaveBeenCalledTimes(1);
    expect(list).not.toHaveBeenCalled();
    expect(client.getQueryState(queryKeys.fleet("snap_a", {}))!.isInvalidated).toBe(true);
  });

  it(`fetches at most ${MAX_FETCHES_PER_ROUND} nodes a round; the rest follow in later rounds`, async () => {
    const client = new QueryClient();
    const many = Array.from({ length: 40 }, (_, i) => treeNode(`snap_${i}`));
    client.setQueryData(queryKeys.tree("snap_0", "asc"), walk(...many));
    let inFlight = 0;
    let most = 0;
    const node = vi.fn(async (id: string) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return treeNode(id, { patchCount: 1 });
    });
    const refresher = new LiveRefresher(client, { node, sandbox: vi.fn() }, 5);
    for (const n of many) refresher.snapshotChanged(n.id);
    await refresher.settled();
    expect(most).toBe(MAX_FETCHES_PER_ROUND);
    expect(node).toHaveBeenCalledTimes(40);
    expect(client.getQueryData<InfiniteData<TreePage>>(queryKeys.tree("snap_0", "asc"))!.pages[0]!.snapshots.every((n) => n.patchCount === 1)).toBe(true);
  });

  it("knows which snapshots the page draws (a child that is not drawn is offered, not fetched)", () => {
    const { refresher } = setUp();
    expect(refresher.draws("snap_b")).toBe(true);
    expect(refresher.draws("snap_new")).toBe(false);
  });
});
