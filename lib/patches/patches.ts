import crypto from "node:crypto";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { patches, sandboxes, snapshots } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { newId } from "../ids";
import { recordAudit, type Actor } from "../audit";
import { recordEvent } from "../events/record";
import { IDEMPOTENCY_WINDOW_HOURS, REACH_SAMPLE_SIZE } from "../contract/limits";
import { loadGroups, loadPatches } from "../fleet/counts";
import { rollout } from "../fleet/groups";
import { resolveSnapshotId, snapshotNotFound } from "../lineage/snapshots";
import { isoOrNull, iso } from "../lineage/views";

type PatchRow = typeof patches.$inferSelect;

export function patchView(p: PatchRow) {
  return {
    id: p.id,
    snapshotId: p.snapshotId,
    sequence: p.sequence,
    script: p.script,
    description: p.description,
    createdBy: p.createdBy,
    createdAt: iso(p.createdAt),
    removedAt: isoOrNull(p.removedAt),
    removedBy: p.removedBy,
  };
}
export type PatchView = ReturnType<typeof patchView>;

/**
 * The sandboxes a patch of `sequence` on this snapshot reaches (one level deep): those started
 * from it that have not applied that sequence. The count comes from fleet_counts' groups, the
 * sample is the first rows of the snapshot's newest-first index; nothing is read or written per sandbox.
 */
export async function reachOf(db: Executor, snapshotId: string, sequence: number) {
  const groups = await loadGroups(db, snapshotId);
  const sample = await db
    .select({ id: sandboxes.id })
    .from(sandboxes)
    .where(and(eq(sandboxes.basedOnSnapshotId, snapshotId), lt(sandboxes.lastPatchSequence, sequence)))
    .orderBy(sql`${sandboxes.createdAt} DESC`, sql`${sandboxes.id} DESC`)
    .limit(REACH_SAMPLE_SIZE);
  return {
    count: groups.filter((g) => g.lastPatchSequence < sequence).reduce((n, g) => n + g.sandboxes, 0),
    sample: sample.map((r) => r.id),
  };
}

export type AttachInput = { script: string; description?: string };

/**
 * Attaches a patch with the next sequence. The snapshot row is locked for the whole transaction,
 * so concurrent attaches queue up and sequences come out 1, 2, 3… with no gap or duplicate.
 * With an idempotency key, a repeat of the same request returns the original patch.
 */
export async function attachPatch(db: Db, ref: string, input: AttachInput, actor: Actor, idempotencyKey?: string) {
  const snapshotId = await resolveSnapshotId(db, ref);
  const description = input.description ?? "";
  const requestHash = crypto.createHash("sha256").update(JSON.stringify([snapshotId, input.script, description])).digest("hex");
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: snapshots.status }).from(snapshots).where(eq(snapshots.id, snapshotId)).for("update");
    if (!locked) throw snapshotNotFound(ref);
    // Checked under the row lock, so a snapshot deleted meanwhile takes no patch either.
    if (locked.status === "deleted") throw conflict("snapshot_not_live", `Snapshot ${ref} is deleted; it takes no new patches.`);

    if (idempotencyKey !== undefined) {
      const replay = await findIdempotentPatch(tx, snapshotId, idempotencyKey);
      if (replay) {
        if (replay.requestHash !== requestHash) {
          throw conflict("idempotency_key_reused", "This Idempotency-Key was used with a different request; use a new key.");
        }
        return { created: false, patch: patchView(replay), reach: await reachOf(tx, snapshotId, replay.sequence) };
      }
    }

    const [counter] = await tx
      .update(snapshots)
      .set({ lastSequence: sql`${snapshots.lastSequence} + 1` })
      .where(eq(snapshots.id, snapshotId))
      .returning({ sequence: snapshots.lastSequence });
    const [patch] = await tx
      .insert(patches)
      .values({
        id: newId("pat"),
        snapshotId,
        sequence: counter!.sequence,
        script: input.script,
        description,
        createdBy: actor.name,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
      })
      .returning();
    const reach = await reachOf(tx, snapshotId, patch!.sequence);
    await recordAudit(tx, actor, "patch.attach", { type: "patch", id: patch!.id }, {
      snapshotId,
      sequence: patch!.sequence,
      reach: reach.count,
    });
    await recordEvent(tx, { kind: "patch.attached", snapshotId, patchId: patch!.id });
    return { created: true, patch: patchView(patch!), reach };
  });
}

/** The patch an idempotency key produced within the window; an expired key is released for reuse. */
async function findIdempotentPatch(tx: Executor, snapshotId: string, key: string) {
  const windowStart = new Date(Date.now() - IDEMPOTENCY_WINDOW_HOURS * 3600_000);
  await tx
    .update(patches)
    .set({ idempotencyKey: null })
    .where(and(eq(patches.snapshotId, snapshotId), eq(patches.idempotencyKey, key), lt(patches.createdAt, windowStart)));
  const [row] = await tx
    .select()
    .from(patches)
    .where(and(eq(patches.snapshotId, snapshotId), eq(patches.idempotencyKey, key)));
  return row;
}

export async function listPatches(db: Executor, ref: string, includeRemoved: boolean) {
  const snapshotId = await resolveSnapshotId(db, ref);
  const list = await db
    .select()
    .from(patches)
    .where(and(eq(patches.snapshotId, snapshotId), includeRemoved ? undefined : isNull(patches.removedAt)))
    .orderBy(asc(patches.sequence));
  // One read of the snapshot's groups serves every patch's rollout.
  const [groups, { live }] = await Promise.all([loadGroups(db, snapshotId), loadPatches(db, snapshotId)]);
  return { patches: list.map((p) => ({ ...patchView(p), rollout: rollout(groups, p.sequence, live) })) };
}

/** Marks a live patch removed (kept for history, never applied again). */
export async function removePatch(db: Db, ref: string, patchId: string, actor: Actor) {
  const snapshotId = await resolveSnapshotId(db, ref);
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .update(patches)
      .set({ removedAt: new Date(), removedBy: actor.name })
      .where(and(eq(patches.id, patchId), eq(patches.snapshotId, snapshotId), isNull(patches.removedAt)))
      .returning();
    if (!removed) throw notFound("patch_not_found", `Snapshot ${ref} has no live patch ${patchId}.`);
    await recordAudit(tx, actor, "patch.remove", { type: "patch", id: patchId }, { snapshotId, sequence: removed.sequence });
    await recordEvent(tx, { kind: "patch.removed", snapshotId, patchId });
    return { patch: patchView(removed) };
  });
}
