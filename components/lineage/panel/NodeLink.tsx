/** A snapshot or sandbox mentioned in the panel: selecting it moves the panel there. */
export function NodeLink({ id, name, onSelect }: { id: string; name: string | null; onSelect: (id: string) => void }) {
  return (
    <button type="button" onClick={() => onSelect(id)} className="truncate text-indigo-700 hover:underline dark:text-indigo-300" title={id}>
      {name ?? <code className="text-xs">{id}</code>}
    </button>
  );
}
