/** What a view draws of a sandbox beside a snapshot, for the server's live events and the pages alike. Framework-free. */
import type { SandboxStatus } from "./contract/enums";

export type SandboxSummary = {
  id: string;
  name: string | null;
  status: SandboxStatus;
  lastPatchSequence: number;
  pendingPatches: number;
  failedAtSequence: number | null;
};

/** The summary of a sandbox's details (extra fields dropped: a summary compares and serialises as itself). */
export const sandboxSummary = (s: SandboxSummary): SandboxSummary => ({
  id: s.id,
  name: s.name,
  status: s.status,
  lastPatchSequence: s.lastPatchSequence,
  pendingPatches: s.pendingPatches,
  failedAtSequence: s.failedAtSequence,
});
