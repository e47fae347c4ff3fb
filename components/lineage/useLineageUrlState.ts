"use client";

import { useQueryStates } from "nuqs";
import { lineageUrlState } from "@/lib/ui/lineage-url";

/** The lineage page's URL state, typed; changes replace the history entry (no back-button trail of clicks). */
export const useLineageUrlState = () => useQueryStates(lineageUrlState, { history: "replace" });
