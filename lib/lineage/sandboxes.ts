import { eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { rows } from "../db/client";
import { sandboxes, snapshots } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { recordAudit, type Actor } from "../audit";
import { recordEvent } from "../events/record";
import { sandboxSummary } from "../sandbox-summary";
import { assertNameFree } from "./names";
import { attachRoots, lockLineage } from "./lineage-writes";
import { sandboxPatchStateColumns, sandboxView, type SandboxRow } from "./views";

export const sandboxNotFound = (ref: string) => notFound("sandbox_not_found", `No sandbox has the id or name "${ref}".`);

const sandboxSelect = sql`
  SELECT b.id, b.name, b.status, b.based_on_snapshot_id, b.last_patch_sequence, b.created_at, b.updated_at,
    ${sandboxPatchStateColumns},
    coalesce(
      (SELECT s.id FROM snapshots s WHERE s.source_sandbox_id = b.id ORDER BY s.created_at DESC, s.id DESC LIMIT 1),
      b.based_on_snapshot_id
    ) AS current_snapshot_id
  FROM sandboxes b`;

type SandboxDetailRow = SandboxRow & { current_snapshot_id: string | null };

const detailView = (r: SandboxDetailRow) => ({ ...sandboxView(r), currentSnapshotId: r.current_snapshot_id });
export type SandboxDetail = ReturnType<typeof detailView>;

/** A sandbox by id or name, with its current snapshot: the newest taken of it, else the one it started from. */
export async function getSandbox(db: Executor, ref: string): Promise<SandboxDetail> {
  const column = ref.startsWith("sbx_") ? sql`b.id` : sql`b.name`;
  const [row] = await rows<SandboxDetailRow>(db, sql`${sandboxSelect} WHERE ${column} = ${ref}`);
  if (!row) throw sandboxNotFound(ref);
  return detailView(row);
}

/** Most recently active sandboxes, for the home page. */
export async function listRecentSandboxes(db: Executor, limit: number): Promise<SandboxDetail[]> {
  const list = await rows<SandboxDetailRow>(db, sql`${sandboxSelect} ORDER BY b.updated_at DESC, b.id DESC LIMIT ${limit}`);
  return list.map(detailView);
}

export type SandboxInput = {
  name?: string | null;
  status: "pending" | "running" | "stopping" | "stopped" | "failed" | "snapshotting";
  basedOnSnapshotId?: string;
  createdAt?: Date;
};

/** Ingest: creates or updates a sandbox. `basedOnSnapshotId` is fixed once set, `createdAt` once created. */
export async function upsertSandbox(db: Db, id: string, input: SandboxInput, actor: Actor) {
  return db.transaction(async (tx) => {
    if (input.basedOnSnapshotId !== undefined) {
      const [before] = await tx.select({ basedOn: sandboxes.basedOnSnapshotId }).from(sandboxes).where(eq(sandboxes.id, id));
      // Adopting a base re-parents snapshots: the lineage lock comes before this row's lock (lineage-writes.ts).
      if (before && !before.basedOn) await lockLineage(tx, "exclusive");
      const [base] = await tx.select({ id: snapshots.id }).from(snapshots).where(eq(snapshots.id, input.basedOnSnapshotId));
      if (!base) {
        throw conflict("unknown_snapshot", `Snapshot ${input.basedOnSnapshotId} is unknown; report it with PUT /api/snapshots/{id} first.`);
      }
    }
    if (input.name) await assertNameFree(tx, "sandbox", input.name, id);

    const fields = {
      status: input.status,
      updatedAt: new Date(),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.createdAt && { createdAt: input.createdAt }),
      ...(input.basedOnSnapshotId !== undefined && { basedOnSnapshotId: input.basedOnSnapshotId }),
    };
    const inserted = await tx.insert(sandboxes).values({ id, ...fields }).onConflictDoNothing().returning({ id: sandboxes.id });
    const created = inserted.length === 1;
    if (!created) {
      const [existing] = await tx
        .select({ basedOn: sandboxes.basedOnSnapshotId, createdAt: sandboxes.createdAt })
        .from(sandboxes)
        .where(eq(sandboxes.id, id))
        .for("update");
      const newBase = input.basedOnSnapshotId;
      if (existing?.basedOn && newBase !== undefined && existing.basedOn !== newBase) {
        throw conflict("based_on_immutable", `Sandbox ${id} was started from ${existing.basedOn}; that cannot change.`);
      }
      // The fleet list walks by (createdAt, id): a moving key would show a sandbox twice or never.
      if (existing && input.createdAt && existing.createdAt.getTime() !== input.createdAt.getTime()) {
        throw conflict("created_at_immutable", `Sandbox ${id} was created at ${existing.createdAt.toISOString()}; that cannot change.`);
      }
      if (!existing?.basedOn && newBase !== undefined) await adoptBase(tx, id, newBase);
      await tx.update(sandboxes).set(fields).where(eq(sandboxes.id, id));
    }
    await recordAudit(tx, actor, created ? "sandbox.create" : "sandbox.update", { type: "sandbox", id }, { status: input.status });
    const sandbox = await getSandbox(tx, id);
    await recordEvent(tx, { kind: "sandbox", sandboxId: id, snapshotId: sandbox.basedOnSnapshotId, sandbox: sandboxSummary(sandbox) });
    return { created, sandbox };
  });
}

/**
 * A sandbox learns its base late: snapshots already taken of it (roots until now) move under that
 * base with their subtrees, refused with lineage_cycle when the base descends from one of them.
 */
async function adoptBase(tx: Executor, sandboxId: string, baseId: string) {
  await lockLineage(tx, "exclusive");
  await attachRoots(tx, (s) => sql`${s}.source_sandbox_id = ${sandboxId}`, baseId);
}
