"use client";

import type { Role } from "@/lib/contract/enums";
import type { ReachEntry } from "@/lib/graph/lineage-model";
import { CopyLinkButton } from "@/components/app/CopyLinkButton";
import { SandboxPanel } from "./SandboxPanel";
import { SnapshotPanel } from "./SnapshotPanel";

type Props = {
  nodeId: string;
  role: Role;
  onClose: () => void;
  /** The page's link with this panel open (anchor and selection), for "Copy link". */
  shareHref: string;
  /** While a patch is composed: the drawn sandboxes and where each stands in its reach. */
  reachPreview: ReachEntry[] | null;
  onSelect: (id: string) => void;
  onComposingChange: (snapshotId: string | null) => void;
  /** Set when the node is a sibling sandbox whose own snapshots are shown in the graph. */
  onCollapseBranch?: () => void;
};

/** Details of the selected node: a column beside the graph, a full-screen sheet on phones. */
export function SidePanel({ nodeId, role, onClose, shareHref, reachPreview, onSelect, onComposingChange, onCollapseBranch }: Props) {
  return (
    <aside
      aria-label="Details"
      data-testid="side-panel"
      className="fixed inset-x-0 top-12 bottom-0 z-30 flex flex-col bg-white shadow-2xl md:static md:z-auto md:w-[400px] md:shrink-0 md:border-l md:border-slate-200 md:shadow-none dark:bg-slate-900 md:dark:border-slate-800"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <span className="text-xs text-slate-500">
          Details<span className="hidden md:inline [@media(pointer:coarse)]:hidden"> · Esc to close</span>
        </span>
        <span className="flex-1" />
        <CopyLinkButton href={shareHref} />
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      <div className="flex-1 overflow-y-auto p-4">
        {nodeId.startsWith("snap_") ? (
          <SnapshotPanel
            key={nodeId}
            snapshotId={nodeId}
            role={role}
            reachPreview={reachPreview}
            onSelect={onSelect}
            onComposingChange={onComposingChange}
          />
        ) : (
          <SandboxPanel key={nodeId} sandboxId={nodeId} onSelect={onSelect} onCollapseBranch={onCollapseBranch} />
        )}
      </div>
    </aside>
  );
}
