"use client";

import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { api, errorMessage } from "@/lib/ui/api";
import { useDebouncedValue } from "@/components/app/useDebouncedValue";
import { StatusDot } from "@/components/app/StatusDot";
import { isTypingTarget } from "@/lib/ui/keyboard";
import { queryKeys } from "@/lib/ui/query-keys";

/** Search sandboxes and snapshots by name or id as you type; `/` focuses it from anywhere. */
export function SearchBox({ autoFocus = false, initialQuery = "", size = "large" }: { autoFocus?: boolean; initialQuery?: string; size?: "large" | "small" }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query.trim(), 120);

  const search = useQuery({
    queryKey: queryKeys.search(q),
    queryFn: () => api.search(q),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const results = q === "" ? [] : (search.data?.results ?? []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !isTypingTarget(e.target) && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const go = (ref: string) => {
    setOpen(false);
    router.push(`/lineage/${encodeURIComponent(ref)}`);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const hit = results[active];
      if (hit) go(hit.name ?? hit.id);
      else if (query.trim()) go(query.trim());
    } else if (e.key === "Escape") {
      setOpen(false);
      inputRef.current?.blur();
    }
  };

  const large = size === "large";
  return (
    <div className="relative w-full">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={open && q !== ""}
        aria-controls={listId}
        aria-label="Search sandboxes and snapshots"
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Options keep the focus on mousedown, so a blur means the user left the search.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        placeholder={large ? "Search a sandbox or snapshot by name or id" : "Search…"}
        className={`w-full rounded-lg border border-slate-300 bg-white pr-10 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900 ${large ? "px-4 py-3 text-base" : "px-3 py-1.5 text-sm"}`}
      />
      <kbd className={`pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 ${query ? "hidden" : "hidden sm:block"} rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:text-slate-400 dark:border-slate-600`}>
        /
      </kbd>
      {open && q !== "" && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Search results"
          className="absolute z-20 mt-1 max-h-96 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {search.isError && <li className="px-3 py-2 text-sm text-red-700 dark:text-red-300">{errorMessage(search.error)}</li>}
          {search.isSuccess && results.length === 0 && (
            <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">No sandbox or snapshot matches “{q}”.</li>
          )}
          {search.isPending && <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">Searching…</li>}
          {results.map((hit, i) => (
            <li
              key={hit.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(hit.name ?? hit.id)}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${i === active ? "bg-indigo-50 dark:bg-indigo-950/60" : ""}`}
            >
              <span
                className={`w-16 shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-medium ${hit.kind === "snapshot" ? "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200" : "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200"}`}
              >
                {hit.kind}
              </span>
              <span className="min-w-0 flex-1 truncate">
                {hit.name && <span className="font-medium">{hit.name} </span>}
                <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{hit.id}</span>
              </span>
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
                <StatusDot status={hit.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
