"use client";

import dynamic from "next/dynamic";
import type { Role } from "@/lib/contract/enums";
import type { ReachEntry } from "@/lib/graph/lineage-model";
import { CopyLinkButton } from "@/components/app/CopyLinkButton";
import type { FleetUrl } from "@/lib/ui/fleet";
import type { FleetSandbox } from "@/lib/client";
import { SandboxPanel } from "./SandboxPanel";
import { SnapshotPanel } from "./SnapshotPanel";

// The fleet list (and its virtualizer) is code of its own, fetched when a list is opened; a link to an
// open list still gets its first rows in the HTML (the server renders it), painted with the page
// (no Suspense boundary, for the reason given at SidePanel's import in LineageWorkspace.tsx).
const FleetList = dynamic(() => import("@/components/fleet/FleetList").then((m) => m.FleetList));

/** The fleet list the URL holds open: whose it is and its filters. */
export type OpenFleet = { snapshotId: string; url: FleetUrl };

type Props = {
  nodeId: string;
  role: Role;
  onClose: () => void;
  /** The page's link as it stands (anchor, selection, open list and filters, jump), for "Copy link". */
  shareHref: string;
  /** While a patch is composed: the drawn sandboxes and where each stands in its reach. */
  reachPreview: ReachEntry[] | null;
  onSelect: (id: string) => void;
  onComposingChange: (snapshotId: string | null) => void;
  /** Set when the node is a sibling sandbox whose own snapshots are shown in the graph. */
  onCollapseBranch?: () => void;
  fleet: OpenFleet | null;
  onOpenFleet: (snapshotId: string, filters: Partial<FleetUrl>) => void;
  onFleetChange: (change: Partial<FleetUrl>) => void;
  onCloseFleet: () => void;
  onPick: (snapshotId: string, sandbox: FleetSandbox) => void;
  /** Back from a sandbox picked in the list to the list. */
  onBackToFleet: () => void;
};

/** Details of the selected node, or a snapshot's fleet list: a column beside the graph, a full-screen sheet on phones. */
export function SidePanel(props: Props) {
  const { nodeId, role, onClose, onSelect, onComposingChange, onCollapseBranch, fleet } = props;
  const listOpen = fleet !== null && fleet.snapshotId === nodeId;
  return (
    <aside
      aria-label="Details"
      data-testid="side-panel"
      className="fixed inset-x-0 top-12 bottom-0 z-30 flex flex-col bg-white shadow-2xl md:static md:z-auto md:w-[400px] md:shrink-0 md:border-l md:border-slate-200 md:shadow-none dark:bg-slate-900 md:dark:border-slate-800"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {listOpen ? "Sandboxes" : "Details"}<span className="hidden md:inline [@media(pointer:coarse)]:hidden"> · Esc to close</span>
        </span>
        <span className="flex-1" />
        <CopyLinkButton href={props.shareHref} />
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      {listOpen ? (
        // The list scrolls itself (virtualized), so this body does not.
        <div className="flex min-h-0 flex-1 flex-col p-4">
          <FleetList
            snapshotId={fleet.snapshotId}
            url={fleet.url}
            onChange={props.onFleetChange}
            onPick={(sandbox) => props.onPick(fleet.snapshotId, sandbox)}
            onBack={props.onCloseFleet}
          />
        </div>
      ) : (
        <div className="flex-1 overflow-y-auto p-4">
          {fleet && (
            <button type="button" onClick={props.onBackToFleet} data-testid="back-to-fleet" className="mb-3 text-xs text-indigo-700 hover:underline dark:text-indigo-300">
              ← Back to the list of sandboxes
            </button>
          )}
          {nodeId.startsWith("snap_") ? (
            <SnapshotPanel
              key={nodeId}
              snapshotId={nodeId}
              role={role}
              reachPreview={props.reachPreview}
              onSelect={onSelect}
              onComposingChange={onComposingChange}
              onOpenFleet={(filters) => props.onOpenFleet(nodeId, filters)}
            />
          ) : (
            <SandboxPanel key={nodeId} sandboxId={nodeId} onSelect={onSelect} onCollapseBranch={onCollapseBranch} />
          )}
        </div>
      )}
    </aside>
  );
}
