import { eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { rows } from "../db/client";
import { sandboxes, snapshots } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { recordAudit, type Actor } from "../audit";
import { recordEvent } from "../events/record";
import { assertNameFree } from "./names";
import { snapshotColumns, snapshotFrom, snapshotView, type SnapshotRow } from "./views";
import { childAncestry, type ParentAncestry } from "./ancestry";
import { attachRoots, lockLineage, repairSubtrees, type LineageLock, type SnapshotsWhere } from "./lineage-writes";

export const snapshotNotFound = (ref: string) =>
  notFound("snapshot_not_found", `No snapshot has the id or name "${ref}".`);

/** The id of the snapshot with this id or name (names never contain `_`, ids always do). */
export async function resolveSnapshotId(db: Executor, ref: string): Promise<string> {
  const [row] = await db
    .select({ id: snapshots.id })
    .from(snapshots)
    .where(ref.startsWith("snap_") ? eq(snapshots.id, ref) : eq(snapshots.name, ref))
    .limit(1);
  if (!row) throw snapshotNotFound(ref);
  return row.id;
}

export async function getSnapshot(db: Executor, ref: string) {
  const column = ref.startsWith("snap_") ? sql`s.id` : sql`s.name`;
  const [row] = await rows<SnapshotRow>(db, sql`SELECT ${snapshotColumns} FROM ${snapshotFrom} WHERE ${column} = ${ref}`);
  if (!row) throw snapshotNotFound(ref);
  return snapshotView(row);
}

export type SnapshotInput = {
  name?: string | null;
  sourceSandboxId?: string;
  status: "created" | "failed" | "deleted";
  sizeBytes: number;
  createdAt?: Date;
  expiresAt?: Date | null;
};

/**
 * Ingest: creates or updates a snapshot. The parent is derived from the source sandbox's base.
 * A snapshot reported before its source (no `sourceSandboxId` yet) is a root until the source is
 * reported; then it and its subtree move under the source's base, with depths and roots repaired
 * in the same transaction (lib/lineage/lineage-writes.ts has the lock and the loop check).
 */
export async function upsertSnapshot(db: Db, id: string, input: SnapshotInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const changesAncestry = (row: { sourceSandboxId: string | null; createdAt: Date }) =>
      (input.sourceSandboxId !== undefined && !row.sourceSandboxId) || (input.createdAt !== undefined && +input.createdAt !== +row.createdAt);
    const [before] = await tx
      .select({ sourceSandboxId: snapshots.sourceSandboxId, createdAt: snapshots.createdAt })
      .from(snapshots)
      .where(eq(snapshots.id, id));
    let lock: LineageLock | null = before ? (changesAncestry(before) ? "exclusive" : null) : input.sourceSandboxId !== undefined ? "shared" : null;
    if (lock) await lockLineage(tx, lock);

    let parentId: string | null = null;
    if (input.sourceSandboxId !== undefined) {
      const [source] = await tx
        .select({ basedOn: sandboxes.basedOnSnapshotId })
        .from(sandboxes)
        .where(eq(sandboxes.id, input.sourceSandboxId));
      if (!source) {
        throw conflict("unknown_sandbox", `Source sandbox ${input.sourceSandboxId} is unknown; report it with PUT /api/sandboxes/{id} first.`);
      }
      parentId = source.basedOn;
    }
    if (input.name) await assertNameFree(tx, "snapshot", input.name, id);

    const fields = {
      status: input.status,
      sizeBytes: input.sizeBytes,
      ...(input.name !== undefined && { name: input.name }),
      ...(input.createdAt && { createdAt: input.createdAt }),
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
      ...(input.sourceSandboxId !== undefined && { sourceSandboxId: input.sourceSandboxId }),
    };
    const inserted = before
      ? []
      : await tx
          .insert(snapshots)
          // created_at set here, in milliseconds like every Date: the children's skip pointers copy it
          // through JavaScript (childAncestry), and a microsecond now() would come back truncated.
          .values({ id, createdAt: new Date(), ...fields, parentId, ...childAncestry(id, parentId ? await parentAncestry(tx, parentId) : null) })
          .onConflictDoNothing()
          .returning({ id: snapshots.id });
    const created = inserted.length === 1;
    if (!created) {
      const [existing] = await tx
        .select({ sourceSandboxId: snapshots.sourceSandboxId, createdAt: snapshots.createdAt })
        .from(snapshots)
        .where(eq(snapshots.id, id))
        .for("update");
      if (existing!.sourceSandboxId && input.sourceSandboxId !== undefined && existing!.sourceSandboxId !== input.sourceSandboxId) {
        throw conflict("source_immutable", `Snapshot ${id} was taken of ${existing!.sourceSandboxId}; its source cannot change.`);
      }
      const repair = changesAncestry(existing!);
      // The row appeared (or changed) since the first read: a rare race, settled by taking the lock now.
      if (repair && lock !== "exclusive") await lockLineage(tx, (lock = "exclusive"));
      await tx.update(snapshots).set(fields).where(eq(snapshots.id, id));
      const self: SnapshotsWhere = (s) => sql`${s}.id = ${id}`;
      const reparented = input.sourceSandboxId !== undefined && !existing!.sourceSandboxId;
      if (reparented && parentId) await attachRoots(tx, self, parentId);
      else if (repair) await repairSubtrees(tx, self);
    }
    await recordAudit(tx, actor, created ? "snapshot.create" : "snapshot.update", { type: "snapshot", id }, { status: input.status });
    const snapshot = await getSnapshot(tx, id);
    await recordEvent(tx, { kind: "snapshot", snapshotId: id, parentSnapshotId: snapshot.parentId, sandboxId: snapshot.sourceSandbox?.id ?? null });
    return { created, snapshot };
  });
}

async function parentAncestry(db: Executor, parentId: string): Promise<ParentAncestry | null> {
  const [row] = await db
    .select({
      id: snapshots.id,
      createdAt: snapshots.createdAt,
      depth: snapshots.depth,
      rootId: snapshots.rootId,
      skipIds: snapshots.skipIds,
      skipCreatedAt: snapshots.skipCreatedAt,
    })
    .from(snapshots)
    .where(eq(snapshots.id, parentId));
  return row ?? null;
}
