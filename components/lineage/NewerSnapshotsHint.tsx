/** New child snapshots arrived: offered, not drawn, so the graph does not move under the user. */
export function NewerSnapshotsHint({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <button
      type="button"
      onClick={onShow}
      className="rounded-full bg-sky-700 px-3 py-1 text-xs font-medium text-white shadow hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      {count === 1 ? "1 newer snapshot" : `${count} newer snapshots`} · show
    </button>
  );
}
