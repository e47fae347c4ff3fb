"use client";

import { useEffect, useState } from "react";
import { useDebouncedValue } from "@/components/app/useDebouncedValue";

/** Id or name prefix search: the list follows the typing once it pauses (one request, not one per key). */
export function FleetSearch({ value, onSearch }: { value: string; onSearch: (q: string | null) => void }) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 250);
  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim() || null);
  }, [debounced, value, onSearch]);
  return (
    <input
      type="search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder="Id or name prefix, e.g. sbx_a1 or worker-"
      aria-label="Search the sandboxes by id or name prefix"
      data-testid="fleet-search"
      spellCheck={false}
      className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
    />
  );
}
