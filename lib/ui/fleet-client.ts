/**
 * TEMPORARY until the fleet route lands in lib/client: the shapes of SPEC §2 "The fleet of a snapshot".
 */
import type { PatchState, SandboxState, SandboxStatus } from "../contract/enums";

export type FleetFilters = { state?: string; status?: string; q?: string; patch?: string };
export type FleetSandbox = {
  id: string;
  name: string | null;
  status: SandboxStatus;
  state: SandboxState | PatchState;
  lastPatchSequence: number;
  failedAtSequence: number | null;
  createdAt: string;
  updatedAt: string;
};
export type FleetCounts = { total: number; state: Record<string, number>; status: Record<string, number> };
export type FleetPage = { sandboxes: FleetSandbox[]; counts: FleetCounts; pagination: { next: string | null } };
export type Rollout = { total: number; applied: number; pending: number; blocked: number; failed: number };

export async function fetchFleet(ref: string, p: FleetFilters & { limit?: number; cursor?: string }): Promise<FleetPage> {
  const entries = Object.entries(p).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "");
  const res = await fetch(`/api/snapshots/${encodeURIComponent(ref)}/sandboxes?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`);
  if (!res.ok) throw new Error(`fleet ${res.status}`);
  return (await res.json()) as FleetPage;
}
