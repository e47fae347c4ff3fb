import { useState } from "react";

/**
 * `next`, or a value kept from an earlier render when `keep(kept, next)` returns it: a value
 * rebuilt on every render keeps its identity while it has not changed, so what depends on it
 * does not re-run. State, not a ref, carries it between renders (React's "information from
 * previous renders" pattern), so nothing is written during render that React does not know of.
 */
export function useKept<T>(next: T, keep: (kept: T, next: T) => T): T {
  const [state, setState] = useState({ source: next, kept: next });
  if (state.source === next) return state.kept;
  const kept = keep(state.kept, next);
  if (kept !== state.kept) setState({ source: next, kept });
  return kept;
}
