import type { Actor } from "../audit";
import type { Db } from "../db/client";
import { upsertSandbox, type SandboxInput } from "../lineage/sandboxes";
import { upsertSnapshot } from "../lineage/snapshots";
import { attachPatch } from "../patches/patches";
import { recordPatchResult } from "../patches/wake";
import { seedGoldenFleet } from "./golden";

const actor: Actor = { id: "system:demo-seed", name: "demo-seed", role: "runtime", requestId: "demo-seed" };
const HOUR = 3600_000;

/**
 * The demo lineage:
 *  - the patch-reach example: snapshot `my-env` (snap_A) with sb-1 and sb-2, snap_B of sb-1, sb-3 on snap_B;
 *  - a long chain around the named sandbox `my-sandbox`, with siblings along it;
 *  - `popular-base`, a snapshot in that chain with 13 sandboxes started from it ("10+"), 11 of them
 *    snapshotted (sibling snapshots of the chain's next one, as Vercel's snapshot tree shows them);
 *  - patches, with applied and failed runs;
 *  - `golden-base`, a base image with 3 000 sandboxes and four patches in every rollout state.
 */
export async function seedDemo(db: Db, now = Date.now()) {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const inHours = (hours: number) => new Date(now + hours * HOUR);
  const sandbox = (id: string, input: SandboxInput) => upsertSandbox(db, id, input, actor);
  const snapshot = (id: string, input: Parameters<typeof upsertSnapshot>[2]) => upsertSnapshot(db, id, input, actor);

  // The patch-reach example.
  await snapshot("snap_A", { name: "my-env", status: "created", sizeBytes: 512 * 2 ** 20, createdAt: at(200), expiresAt: inHours(24 * 5) });
  await sandbox("sbx_sb1", { name: "sb-1", status: "running", basedOnSnapshotId: "snap_A", createdAt: at(190) });
  await sandbox("sbx_sb2", { name: "sb-2", status: "stopped", basedOnSnapshotId: "snap_A", createdAt: at(180) });
  await snapshot("snap_B", { sourceSandboxId: "sbx_sb1", status: "created", sizeBytes: 640 * 2 ** 20, createdAt: at(170), expiresAt: inHours(72) });
  await sandbox("sbx_sb3", { name: "sb-3", status: "running", basedOnSnapshotId: "snap_B", createdAt: at(160) });
  const aptUpdate = await attachPatch(db, "my-env", { script: "apt-get update && apt-get install -y ca-certificates", description: "Refresh CA certificates" }, { ...actor, name: "alice" });
  const pinNode = await attachPatch(db, "my-env", { script: "npm install -g node@20.20.2", description: "Pin Node.js to 20.20.2" }, { ...actor, name: "alice" });
  await recordPatchResult(db, "sbx_sb1", { patchId: aptUpdate.patch.id, status: "applied", output: "Reading package lists... Done\n" }, actor);
  await recordPatchResult(db, "sbx_sb1", { patchId: pinNode.patch.id, status: "applied", output: "added 1 package in 2s\n" }, actor);
  await recordPatchResult(db, "sbx_sb2", { patchId: aptUpdate.patch.id, status: "applied", output: "Reading package lists... Done\n" }, actor);
  await recordPatchResult(db, "sbx_sb2", { patchId: pinNode.patch.id, status: "failed", output: "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.example/node\n" }, actor);

  // The long chain: base image → sandbox → snapshot → sandbox → … with my-sandbox in the middle.
  const ANCESTORS = 14;
  const POPULAR_SNAPSHOTS = 11;
  const DESCENDANTS = 12;
  const total = ANCESTORS + 1 + DESCENDANTS;
  let parent: string | undefined;
  for (let i = 0; i < total; i++) {
    const hoursAgo = (total - i) * 6;
    const hex = (0x4c9b6d00 + i * 0x111).toString(16);
    const snapId = `snap_${hex}`;
    const isAnchor = i === ANCESTORS;
    const source = parent ? `sbx_chain_${i}` : undefined;
    if (source) {
      await sandbox(source, {
        name: isAnchor ? "my-sandbox" : null,
        status: isAnchor ? "running" : "stopped",
        basedOnSnapshotId: parent,
        createdAt: at(hoursAgo + 3),
      });
    }
    await snapshot(snapId, {
      ...(i === 0 && { name: "base-ubuntu" }),
      ...(i === 3 && { name: "popular-base" }),
      ...(source && { sourceSandboxId: source }),
      status: i === 7 ? "failed" : "created",
      sizeBytes: (300 + i * 17) * 2 ** 20,
      createdAt: at(hoursAgo),
      expiresAt: i % 4 === 1 ? null : inHours(6 + i * 7),
    });
    // Siblings: other sandboxes started from this snapshot (a fixed pattern, many on popular-base).
    const siblings = i === 3 ? 13 : [1, 2, 0, 3, 1][i % 5]!;
    for (let k = 1; k <= siblings; k++) {
      await sandbox(`sbx_${hex}_${k}`, {
        status: k % 3 === 0 ? "stopped" : "running",
        basedOnSnapshotId: snapId,
        createdAt: at(hoursAgo - k * 0.25),
      });
      // Most of popular-base's sandboxes were snapshotted too, before the chain's next snapshot (so the
      // chain still runs through it): 12 snapshots with one parent, Vercel's tree shows them as "10+".
      if (i === 3 && k <= POPULAR_SNAPSHOTS) {
        await snapshot(`snap_${hex}_${k}`, { sourceSandboxId: `sbx_${hex}_${k}`, status: "created", sizeBytes: (400 + k) * 2 ** 20, createdAt: at(hoursAgo - k * 0.25 - 0.1) });
      }
    }
    parent = snapId;
  }

  // Patches on my-sandbox's base: a sibling applied the first; my-sandbox failed at #1.
  const anchorBase = `snap_${(0x4c9b6d00 + (ANCESTORS - 1) * 0x111).toString(16)}`;
  const motd = await attachPatch(db, anchorBase, { script: "echo 'Welcome' > /etc/motd", description: "Set the login banner" }, { ...actor, name: "bob" });
  await attachPatch(db, anchorBase, { script: "sysctl -w vm.swappiness=10", description: "Lower swappiness" }, { ...actor, name: "bob" });
  const hex = anchorBase.slice(5);
  await recordPatchResult(db, `sbx_${hex}_1`, { patchId: motd.patch.id, status: "applied", output: "" }, actor);
  await recordPatchResult(db, `sbx_chain_${ANCESTORS}`, { patchId: motd.patch.id, status: "failed", output: "sh: /etc/motd: Read-only file system\n" }, actor);

  await seedGoldenFleet(db, { id: "snap_golden", name: "golden-base", sandboxes: 3000, now }, actor);
}
