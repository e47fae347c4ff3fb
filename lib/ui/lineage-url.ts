/**
 * The lineage page's URL state, declared once for the server (which reads it while rendering)
 * and the browser (useLineageUrlState). Only what is worth sharing in a link lives here: the
 * selected node, a jump along the chain (a generation or a date) that re-anchors the view, and
 * the open fleet list with its filters.
 */
import { createLoader, createSerializer, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { fleetStates, sandboxStatuses } from "../contract/enums";

export const lineageUrlState = {
  /** The selected node (snapshot or sandbox id): its side panel is open. */
  node: parseAsString,
  /** Jump: the view is anchored at the ancestor of `of` (else the page's own anchor) at this generation… */
  gen: parseAsInteger,
  /** …or the newest snapshot on its chain created at or before this ISO-8601 time. */
  asOf: parseAsString,
  of: parseAsString,
  /** The snapshot whose fleet list (all its sandboxes) is open in the side panel. */
  fleet: parseAsString,
  /** The fleet list's filters, as the API takes them (an unknown value reads as unset). */
  state: parseAsStringLiteral(fleetStates),
  status: parseAsStringLiteral(sandboxStatuses),
  q: parseAsString,
  patch: parseAsString,
};

/** The URL state that closes the fleet list and clears its filters. */
export const noFleetList = { fleet: null, state: null, status: null, q: null, patch: null } as const;

export type LineageUrlState = inferParserType<typeof lineageUrlState>;

/** Where a jump lands: exactly one of a generation and a date, from a snapshot of the chain. */
export type Jump = { of: string } & ({ depth: number } | { asOf: string });

/** The jump the URL asks for, if any, starting from `of` or else from the page's anchor. */
export function jumpOf(state: LineageUrlState, anchorId: string): Jump | null {
  const of = state.of ?? anchorId;
  if (state.gen !== null) return { of, depth: state.gen };
  if (state.asOf !== null) return { of, asOf: state.asOf };
  return null;
}

/** The URL state of a jump (the selection and any fleet list are dropped: the view moves elsewhere), or of none. */
export const jumpState = (jump: Jump | null): Partial<LineageUrlState> => ({
  node: null,
  ...noFleetList,
  of: jump?.of ?? null,
  gen: jump && "depth" in jump ? jump.depth : null,
  asOf: jump && "asOf" in jump ? jump.asOf : null,
});

export const loadLineageUrlState = createLoader(lineageUrlState);
const serialize = createSerializer(lineageUrlState);
/** `/lineage/{ref}` with the given URL state, e.g. the page to come back to after signing in. */
export const lineageHref = (ref: string, state: Partial<LineageUrlState>) => serialize(`/lineage/${encodeURIComponent(ref)}`, state);
