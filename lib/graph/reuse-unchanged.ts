/**
 * `next` with every item that equals its predecessor (same id) replaced by that predecessor, and
 * `previous` itself when nothing changed at all. React Flow re-renders nodes and edges whose
 * objects changed and re-indexes a whole list whose array changed, so keeping both stable makes
 * a new page cost the page, not the graph.
 */
export function reuseUnchanged<T extends { id: string }>(previous: T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  const kept = next.map((item) => {
    const old = before.get(item.id);
    return old && same(old, item) ? old : item;
  });
  return kept.length === previous.length && kept.every((item, i) => item === previous[i]) ? previous : kept;
}
