import crypto from "node:crypto";
import type { Db } from "../../lib/db/client";
import { getAncestor } from "../../lib/lineage/ancestor";
import { getSnapshot, upsertSnapshot } from "../../lib/lineage/snapshots";
import { upsertSandbox } from "../../lib/lineage/sandboxes";
import { actor } from "./fleet";
import { anchorNames, type ScaleShape } from "./scale-lineage";
import type { Timed } from "./stats";

/**
 * Deep chains (issue 17), as lib calls: ancestor lookups by depth and by date from the bottom of the
 * scale lineage's long chain and from a snapshot 100 generations deep on the same chain, and the
 * snapshot upsert (PUT /api/snapshots/{id}) of a new child under each, which computes depth, root
 * and skip pointers from the parent.
 */
export async function deepChainAnchors(db: Db, shape: ScaleShape) {
  const deep = await getSnapshot(db, anchorNames(shape).chainTip);
  const shallow = await getAncestor(db, deep.id, { depth: 99 });
  return { deep, shallow };
}

type Anchor = Awaited<ReturnType<typeof getSnapshot>>;

/** The calls for one anchor: jump to 40 % of its depth, the snapshot current 40 % down by date, a new child. */
export async function deepChainCalls(db: Db, anchor: Anchor): Promise<Timed[]> {
  const target = Math.floor(anchor.depth * 0.4);
  const then = new Date(+new Date((await getAncestor(db, anchor.id, { depth: target })).createdAt) + 30_000);
  const sandboxId = `sbx_bench_${crypto.randomBytes(6).toString("hex")}`;
  await upsertSandbox(db, sandboxId, { status: "running", basedOnSnapshotId: anchor.id }, actor);
  return [
    { name: "ancestor?depth=<40 % down>", run: () => getAncestor(db, anchor.id, { depth: target }) },
    { name: "ancestor?asOf=<40 % down>", run: () => getAncestor(db, anchor.id, { asOf: then }) },
    {
      name: "PUT a new child snapshot (depth, root, skip pointers)",
      run: () => upsertSnapshot(db, `snap_bench_${crypto.randomBytes(8).toString("hex")}`, { sourceSandboxId: sandboxId, status: "created", sizeBytes: 1 }, actor),
    },
  ];
}
