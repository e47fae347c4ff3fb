import { and, asc, desc, eq, gt, inArray, isNull, min } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { patchApplications, patches, sandboxes } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { recordAudit, type Actor } from "../audit";
import { recordEvent } from "../events/record";
import { OUTPUT_MAX_CHARS } from "../contract/limits";
import { getSandbox, sandboxNotFound } from "../lineage/sandboxes";
import { iso } from "../lineage/views";
import { sandboxSummary } from "../sandbox-summary";
import { patchView } from "./patches";

/** Live patches of the sandbox's base snapshot it has not applied yet, in the order to apply them. */
export async function pendingPatches(db: Executor, sandboxId: string) {
  const [sandbox] = await db
    .select({ basedOn: sandboxes.basedOnSnapshotId, last: sandboxes.lastPatchSequence })
    .from(sandboxes)
    .where(eq(sandboxes.id, sandboxId));
  if (!sandbox) throw sandboxNotFound(sandboxId);
  if (!sandbox.basedOn) return { patches: [] };
  const list = await db
    .select()
    .from(patches)
    .where(and(eq(patches.snapshotId, sandbox.basedOn), isNull(patches.removedAt), gt(patches.sequence, sandbox.last)))
    .orderBy(asc(patches.sequence));
  return { patches: list.map(patchView) };
}

const NUL = /\u0000/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Output as stored: whatever a script printed is accepted, so what PostgreSQL text cannot hold is
 * replaced visibly (NUL by ␀, a lone surrogate by U+FFFD), and long output keeps its end (where
 * errors are) and says how much was cut.
 */
export function storableOutput(raw: string): { output: string; truncated: boolean } {
  const text = raw.replace(NUL, "\u2400");
  const cut = Math.max(0, text.length - OUTPUT_MAX_CHARS);
  const kept = cut ? `[… ${cut} characters truncated]\n${text.slice(cut)}` : text;
  return { output: kept.replace(loneSurrogate, "\uFFFD"), truncated: cut > 0 };
}

export type PatchResultInput = { patchId: string; status: "applied" | "failed"; output?: string };

/**
 * Records one patch run on a sandbox. Only the next pending patch (lowest live sequence above
 * lastPatchSequence) may be reported, so lastPatchSequence only moves forward, in order, and a
 * patch is never applied twice. The sandbox row lock serialises concurrent reports.
 */
export async function recordPatchResult(db: Db, sandboxId: string, input: PatchResultInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [sandbox] = await tx
      .select({ basedOn: sandboxes.basedOnSnapshotId, last: sandboxes.lastPatchSequence })
      .from(sandboxes)
      .where(eq(sandboxes.id, sandboxId))
      .for("update");
    if (!sandbox) throw sandboxNotFound(sandboxId);
    const [patch] = await tx.select().from(patches).where(eq(patches.id, input.patchId)).for("share");
    if (!patch) throw notFound("patch_not_found", `No patch ${input.patchId}.`);
    if (patch.snapshotId !== sandbox.basedOn) {
      throw conflict("patch_not_for_sandbox", `Patch ${patch.id} is on ${patch.snapshotId}; sandbox ${sandboxId} is not based on it.`);
    }
    if (patch.removedAt) throw conflict("patch_removed", `Patch ${patch.id} was removed; it is never applied.`);
    if (patch.sequence <= sandbox.last) {
      throw conflict("already_applied", `Sandbox ${sandboxId} has already applied patch #${patch.sequence}.`);
    }
    const [next] = await tx
      .select({ sequence: min(patches.sequence) })
      .from(patches)
      .where(and(eq(patches.snapshotId, patch.snapshotId), isNull(patches.removedAt), gt(patches.sequence, sandbox.last)));
    if (next?.sequence !== patch.sequence) {
      throw conflict("out_of_order", `Patch #${patch.sequence} is not next for ${sandboxId}: apply #${next?.sequence} first.`);
    }
    const { output, truncated } = storableOutput(input.output ?? "");
    const [application] = await tx
      .insert(patchApplications)
      .values({ patchId: patch.id, sandboxId, status: input.status, output, outputTruncated: truncated })
      .returning();
    const lastPatchSequence = input.status === "applied" ? patch.sequence : sandbox.last;
    // An applied run clears an earlier failure; a failed one records where the run stopped.
    const failedAtSequence = input.status === "failed" ? patch.sequence : 0;
    await tx.update(sandboxes).set({ lastPatchSequence, failedAtSequence, updatedAt: new Date() }).where(eq(sandboxes.id, sandboxId));
    await recordAudit(tx, actor, `patch.${input.status}`, { type: "sandbox", id: sandboxId }, {
      patchId: patch.id,
      sequence: patch.sequence,
    });
    const facts = sandboxSummary(await getSandbox(tx, sandboxId));
    await recordEvent(tx, { kind: "patch.result", sandboxId, snapshotId: patch.snapshotId, patchId: patch.id, sandbox: facts });
    return {
      result: {
        patchId: patch.id,
        sequence: patch.sequence,
        status: input.status,
        output,
        outputTruncated: truncated,
        createdAt: iso(application!.createdAt),
      },
      sandbox: { id: sandboxId, lastPatchSequence },
    };
  });
}

/** The live patches that reach a sandbox, each with its state there: applied, pending or failed (with output). */
export async function sandboxPatchStates(db: Executor, ref: string) {
  const sandbox = await getSandbox(db, ref);
  if (!sandbox.basedOnSnapshotId) return { sandbox, patches: [] };
  const list = await db
    .select()
    .from(patches)
    .where(and(eq(patches.snapshotId, sandbox.basedOnSnapshotId), isNull(patches.removedAt)))
    .orderBy(asc(patches.sequence));
  const runs = list.length
    ? await db
        .select()
        .from(patchApplications)
        .where(and(eq(patchApplications.sandboxId, sandbox.id), inArray(patchApplications.patchId, list.map((p) => p.id))))
        .orderBy(desc(patchApplications.createdAt), desc(patchApplications.id))
    : [];
  const latestRun = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latestRun.has(run.patchId)) latestRun.set(run.patchId, run);
  return {
    sandbox,
    patches: list.map((p) => {
      const run = latestRun.get(p.id);
      const state =
        p.sequence <= sandbox.lastPatchSequence ? "applied" : run?.status === "failed" ? "failed" : "pending";
      return {
        ...patchView(p),
        state,
        output: run?.output ?? null,
        outputTruncated: run?.outputTruncated ?? false,
        ranAt: run ? iso(run.createdAt) : null,
      };
    }),
  };
}
