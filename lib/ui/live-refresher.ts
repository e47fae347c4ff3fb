/**
 * Keeps what a lineage page shows up to date as changes are reported, without moving anything:
 * the walks' pages are never refetched behind the user's back (a refetch could bring a new child
 * and re-route the chain); the nodes they hold are refreshed in place instead.
 *
 * Changes are collected and applied in rounds: the first change schedules a round a moment later,
 * changes arriving while a round runs wait for the next, and a round fetches at most
 * MAX_FETCHES_PER_ROUND nodes or sandboxes (the rest wait their turn). A fleet reporting
 * thousands of results a second therefore costs the page a few small requests per round, and
 * only for what it draws: a sandbox that is not on screen costs nothing but its fleet's counts.
 *
 * A sandbox's own changes come with its facts (the events carry them), so they are drawn at once,
 * with no request and no wait for a round: only its panels and its fleet's counts go to the round.
 */
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { SandboxDetail, TreeNode, TreePage } from "../client";
import { api } from "./api";
import { sandboxSummary, type SandboxSummary } from "../sandbox-summary";
import { drawsSnapshot, drawsSource, siblingOf, sourcesBasedOn, withSandbox, withSnapshot } from "./live-pages";
import { queryKeys } from "./query-keys";

/**
 * How long the first change of a round waits for others to join it: a frame. Bursts are gathered
 * mostly by the round in flight (changes arriving meanwhile wait for the next), so the wait of a
 * lone change stays short.
 */
export const ROUND_DELAY_MS = 16;
export const MAX_FETCHES_PER_ROUND = 16;

export type LiveFetchers = {
  /** A snapshot as a tree node, with the sandboxes beside it. */
  node: (snapshotId: string) => Promise<TreeNode | undefined>;
  sandbox: (sandboxId: string) => Promise<{ sandbox: SandboxDetail }>;
};

const apiFetchers: LiveFetchers = {
  node: async (snapshotId) => (await api.tree({ snapshotId, sortOrder: "desc", limit: 1 })).snapshots[0],
  sandbox: (sandboxId) => api.sandbox(sandboxId),
};

/** Query families holding tree pages: paged walks (infinite queries) and branch pages. */
const walkFamilies = new Set(["tree", "rootSide"]);
const pageFamilies = new Set(["branch"]);

export class LiveRefresher {
  /** Snapshots whose node to refresh (their own facts, and the sandboxes drawn beside them). */
  private nodes = new Set<string>();
  private sandboxes = new Set<string>();
  /** Sandboxes reported with their facts: drawn already, only their panels are refreshed. */
  private reported = new Set<string>();
  /** Facts waiting to be drawn (the latest per sandbox), and those that arrived while a round's fetches were out. */
  private facts = new Map<string, SandboxSummary>();
  private factsDuringRound = new Map<string, SandboxSummary>();
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** Snapshots whose patches changed: their sandboxes' pending counts change too. */
  private patched = new Set<string>();
  /** Snapshots whose fleet counts and rollouts to refetch. */
  private fleets = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly fetchers: LiveFetchers = apiFetchers,
    private readonly delayMs = ROUND_DELAY_MS,
  ) {}

  /** A sandbox was reported, or a patch result recorded for it; `baseId` is its base snapshot. */
  sandboxChanged(sandboxId: string, baseId: string | null) {
    this.sandboxes.add(sandboxId);
    if (baseId) this.fleets.add(baseId);
    this.schedule();
  }

  /**
   * The same, with the sandbox's facts after the change: written into the pages on the next turn
   * of the event loop (a burst is drawn once), never fetched.
   */
  sandboxReported(facts: SandboxSummary, baseId: string | null) {
    this.facts.set(facts.id, facts);
    // A fetch that went out before these facts existed must not draw over them (see withFetched).
    if (this.running) this.factsDuringRound.set(facts.id, facts);
    this.drawTimer ??= setTimeout(() => this.drawFacts(), 0);
    this.reported.add(facts.id);
    if (baseId) this.fleets.add(baseId);
    this.schedule();
  }

  /** A snapshot was reported again (status, expiry). */
  snapshotChanged(snapshotId: string) {
    this.nodes.add(snapshotId);
    this.schedule();
  }

  /** A patch was attached to or removed from the snapshot. */
  patchesChanged(snapshotId: string) {
    this.nodes.add(snapshotId);
    this.patched.add(snapshotId);
    this.fleets.add(snapshotId);
    this.schedule();
  }

  /** Anything may have changed (events were missed): every node and sandbox on screen, every count. */
  everythingChanged() {
    for (const page of this.treePages()) {
      for (const node of page.snapshots) {
        this.nodes.add(node.id);
        if (node.sourceSandbox) this.sandboxes.add(node.sourceSandbox.id);
      }
    }
    for (const queryKey of [queryKeys.patches(), queryKeys.snapshot(), queryKeys.sandbox(), queryKeys.sandboxPatches()]) {
      void this.queryClient.invalidateQueries({ queryKey });
    }
    void this.queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === "fleet" && q.queryKey[2] === "counts" });
    void this.queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === "fleet" && q.queryKey[2] !== "counts", refetchType: "none" });
    this.schedule();
  }

  /** Whether the page draws the snapshot. */
  draws(snapshotId: string): boolean {
    return this.treePages().some((p) => drawsSnapshot(p, snapshotId));
  }

  /** Resolves once every change noted so far is applied (tests, and callers that must wait). */
  async settled(): Promise<void> {
    this.drawFacts();
    while (this.timer || this.running) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.running = this.round();
      }
      await this.running;
    }
  }

  private drawFacts() {
    clearTimeout(this.drawTimer);
    this.drawTimer = undefined;
    const facts = [...this.facts.values()];
    this.facts.clear();
    if (facts.length) this.updatePages((p) => facts.reduce(withSandbox, p));
  }

  /** A fetched page update, with the facts reported since the fetch went out drawn over it. */
  private withFetched(update: (page: TreePage) => TreePage) {
    const newer = [...this.factsDuringRound.values()];
    this.updatePages((p) => newer.reduce(withSandbox, update(p)));
  }

  private schedule() {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.round();
    }, this.delayMs);
  }

  private async round() {
    try {
      await this.apply();
    } finally {
      this.running = undefined;
      this.factsDuringRound.clear();
      if (this.nodes.size || this.sandboxes.size || this.reported.size || this.patched.size || this.fleets.size) this.schedule();
    }
  }

  private async apply() {
    const take = <T,>(set: Set<T>) => {
      const all = [...set];
      set.clear();
      return all;
    };
    const [nodes, sandboxes, reported, patched, fleets] = [
      new Set(take(this.nodes)),
      take(this.sandboxes),
      new Set(take(this.reported)),
      take(this.patched),
      take(this.fleets),
    ];
    const pages = this.treePages();
    const drawn = new Set(pages.flatMap((p) => p.snapshots.map((n) => n.id)));

    // The sandboxes based on a patched snapshot: those the chain runs through, and those shown with their details (drawn, in a panel).
    const affected = new Set([...sandboxes, ...reported]);
    for (const id of patched) {
      for (const page of pages) for (const s of sourcesBasedOn(page, id)) affected.add(s);
      for (const s of this.shownSandboxes()) if (s.basedOnSnapshotId === id) affected.add(s.id);
    }
    // Shown with its details: fetched (its facts go into the pages too). Beside a snapshot: fresh
    // with that snapshot's node, one request for every sandbox beside it. Elsewhere: nothing to fetch.
    const single = new Set<string>();
    for (const id of affected) {
      if (reported.has(id)) continue;
      const beside = pages.map((p) => siblingOf(p, id)).find((s) => s !== undefined);
      if (this.isShown(queryKeys.sandbox(id)) || (!beside && pages.some((p) => drawsSource(p, id)))) single.add(id);
      else if (beside) nodes.add(beside);
    }

    const nodeBatch = [...nodes].filter((id) => drawn.has(id));
    const sandboxBatch = [...single];
    const budget = MAX_FETCHES_PER_ROUND;
    for (const id of nodeBatch.splice(budget)) this.nodes.add(id);
    for (const id of sandboxBatch.splice(Math.max(0, budget - nodeBatch.length))) this.sandboxes.add(id);

    const invalidate = (queryKey: readonly unknown[], exact = false) => this.queryClient.invalidateQueries({ queryKey, exact });
    await Promise.all([
      ...nodeBatch.map(async (id) => {
        const fresh = await this.fetchers.node(id).catch(() => undefined);
        if (fresh) this.withFetched((p) => withSnapshot(p, fresh));
      }),
      ...sandboxBatch.map(async (id) => {
        const answer = await this.fetchers.sandbox(id).catch(() => undefined);
        if (!answer) return;
        this.queryClient.setQueryData(queryKeys.sandbox(id), answer);
        this.withFetched((p) => withSandbox(p, sandboxSummary(answer.sandbox)));
      }),
      // Panels and lists refetch only when on screen (React Query refetches active queries alone).
      ...[...nodes].map((id) => invalidate(queryKeys.snapshot(id))),
      ...[...affected].flatMap((id) => [invalidate(queryKeys.sandboxPatches(id)), ...(single.has(id) ? [] : [invalidate(queryKeys.sandbox(id), true)])]),
      ...fleets.flatMap((id) => [invalidate(queryKeys.fleetCounts(id)), invalidate(queryKeys.patches(id)), this.markListsStale(id)]),
    ]);
  }

  private treeQueries() {
    return this.queryClient.getQueryCache().findAll({ predicate: (q) => walkFamilies.has(q.queryKey[0] as string) || pageFamilies.has(q.queryKey[0] as string) });
  }

  private treePages(): TreePage[] {
    return this.treeQueries().flatMap((q) => {
      const data = q.state.data as InfiniteData<TreePage> | TreePage | undefined;
      if (!data) return [];
      return "pages" in data ? data.pages : [data];
    });
  }

  /**
   * A fleet's lists, marked stale but not refetched: an open list keeps its rows where they are and
   * offers to refresh when its counts moved (FleetList); a closed one reloads when opened.
   */
  private markListsStale(snapshotId: string) {
    return this.queryClient.invalidateQueries({ queryKey: queryKeys.fleet(snapshotId), predicate: (q) => q.queryKey[2] !== "counts", refetchType: "none" });
  }

  /** Whether a component on screen uses the query. */
  private isShown(queryKey: readonly unknown[]): boolean {
    return this.queryClient.getQueryCache().find({ queryKey, exact: true })?.isActive() ?? false;
  }

  private shownSandboxes(): SandboxDetail[] {
    return this.queryClient
      .getQueryCache()
      .findAll({ queryKey: queryKeys.sandbox(), type: "active" })
      .flatMap((q) => {
        const data = q.state.data as { sandbox: SandboxDetail } | undefined;
        return data ? [data.sandbox] : [];
      });
  }

  /** Writes `update` into every tree page held, touching only the queries whose pages change. */
  private updatePages(update: (page: TreePage) => TreePage) {
    for (const q of this.treeQueries()) {
      const data = q.state.data as InfiniteData<TreePage> | TreePage | undefined;
      if (!data) continue;
      let next: typeof data;
      if ("pages" in data) {
        const pages = data.pages.map(update);
        next = pages.every((p, i) => p === data.pages[i]) ? data : { ...data, pages };
      } else next = update(data);
      if (next !== data) this.queryClient.setQueryData(q.queryKey, next);
    }
  }
}

const refreshers = new WeakMap<QueryClient, LiveRefresher>();

/** The page's refresher: live events and the page's own writes share its rounds. */
export function liveRefresher(queryClient: QueryClient): LiveRefresher {
  let r = refreshers.get(queryClient);
  if (!r) refreshers.set(queryClient, (r = new LiveRefresher(queryClient)));
  return r;
}
