/**
 * The lineage page's URL state, declared once for the server (which reads it while rendering)
 * and the browser (useLineageUrlState). Only what is worth sharing in a link lives here: today
 * the selected node; fleet-list filters or a re-anchored generation become further fields.
 */
import { createLoader, createSerializer, parseAsString, type inferParserType } from "nuqs/server";

export const lineageUrlState = {
  /** The selected node (snapshot or sandbox id): its side panel is open. */
  node: parseAsString,
};

export type LineageUrlState = inferParserType<typeof lineageUrlState>;

export const loadLineageUrlState = createLoader(lineageUrlState);
const serialize = createSerializer(lineageUrlState);
/** `/lineage/{ref}` with the given URL state, e.g. the page to come back to after signing in. */
export const lineageHref = (ref: string, state: Partial<LineageUrlState>) => serialize(`/lineage/${encodeURIComponent(ref)}`, state);
