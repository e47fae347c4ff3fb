import { formatCount } from "@/lib/ui/fleet";

/**
 * The fleet changed while its list was open: offered, not applied, so no row moves under the
 * cursor. Refreshing reloads the list from its top.
 */
export function FleetChangedOffer({ added, onRefresh }: { added: number; onRefresh: () => void }) {
  const text = added > 0 ? `${formatCount(added)} new ${added === 1 ? "sandbox" : "sandboxes"} · show` : "Sandboxes changed state · refresh";
  return (
    <button
      type="button"
      onClick={onRefresh}
      data-testid="fleet-changed"
      className="w-full rounded-md bg-sky-700 px-3 py-1.5 text-xs font-medium text-white shadow-sm hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      {text}
    </button>
  );
}
