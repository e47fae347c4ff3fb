/**
 * The lineage page's URL state, declared once for the server (which reads it while rendering)
 * and the browser (useLineageUrlState). Only what is worth sharing in a link lives here: the
 * selected node, and the open fleet list with its filters.
 */
import { createLoader, createSerializer, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { sandboxStatuses } from "../contract/enums";
import { fleetStates } from "../contract/fleet";

export const lineageUrlState = {
  /** The selected node (snapshot or sandbox id): its side panel is open. */
  node: parseAsString,
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

export const loadLineageUrlState = createLoader(lineageUrlState);
const serialize = createSerializer(lineageUrlState);
/** `/lineage/{ref}` with the given URL state, e.g. the page to come back to after signing in. */
export const lineageHref = (ref: string, state: Partial<LineageUrlState>) => serialize(`/lineage/${encodeURIComponent(ref)}`, state);
