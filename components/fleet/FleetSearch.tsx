"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/app/useDebouncedValue";

const ID_OR_NAME_PREFIX = /^[A-Za-z0-9_-]*$/;

/** Id or name prefix search: the list follows the typing once it pauses (one request, not one per key). */
export function FleetSearch({ value, onSearch }: { value: string; onSearch: (q: string | null) => void }) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), 250);
  // Ids and names are made of these: anything else could never match, so it is not asked for.
  const valid = ID_OR_NAME_PREFIX.test(debounced);
  useEffect(() => {
    if (valid && debounced !== value) onSearch(debounced || null);
  }, [debounced, valid, value, onSearch]);
  return (
    <div className="space-y-1">
    <input
      type="search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder="Id or name prefix, e.g. sbx_a1 or worker-"
      aria-label="Search the sandboxes by id or name prefix"
      data-testid="fleet-search"
      spellCheck={false}
      aria-invalid={!valid || undefined}
      className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
    />
      {!valid && <p className="text-xs text-red-700 dark:text-red-300">Ids and names hold only letters, digits, “_” and “-”.</p>}
    </div>
  );
}
