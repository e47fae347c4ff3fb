/** What a view draws of a sandbox beside a snapshot, for the server's live events and the pages alike. Framework-free. */
import type { z } from "zod";
import type { sandboxSummary as sandboxSummaryView } from "./contract/views";

/** The contract's SandboxSummary (a type-only import: no schema is bundled). */
export type SandboxSummary = z.output<typeof sandboxSummaryView>;

/** The summary of a sandbox's details (extra fields dropped: a summary compares and serialises as itself). */
export const sandboxSummary = (s: SandboxSummary): SandboxSummary => ({
  id: s.id,
  name: s.name,
  status: s.status,
  lastPatchSequence: s.lastPatchSequence,
  pendingPatches: s.pendingPatches,
  failedAtSequence: s.failedAtSequence,
});
