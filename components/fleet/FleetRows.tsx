"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextListIndex } from "@/lib/ui/fleet";
import type { FleetSandbox } from "@/lib/client";
import { FleetRow } from "./FleetRow";

const ROW_HEIGHT = 52;
/** Fetch the next page while this many loaded rows are still below the screen: scrolling rarely waits. */
const PREFETCH_ROWS = 40;
const FIRST_SCREEN_ROWS = 8;

type RowsProps = {
  rows: FleetSandbox[];
  hasMore: boolean;
  loadingMore: boolean;
  failed: boolean;
  onLoadMore: () => void;
  onPick: (sandbox: FleetSandbox) => void;
};

/** Only the rows on screen are in the page, whatever the fleet's size; arrows move, Enter picks. */
export function FleetRows({ rows, hasMore, loadingMore, failed, onLoadMore, onPick }: RowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const count = rows.length + (hasMore ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the list is measured (on the server, and in the browser until hydration), a screen of
    // rows is drawn: with the first page prefetched, the first rows come with the HTML.
    initialRect: { width: 0, height: FIRST_SCREEN_ROWS * ROW_HEIGHT },
    // Scrolling re-renders in React's own time instead of synchronously in the scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  const pick = useCallback(
    (index: number) => {
      setActive(index);
      if (rows[index]) onPick(rows[index]);
    },
    [rows, onPick],
  );

  useEffect(() => {
    if (hasMore && !loadingMore && !failed && lastShown >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, failed, lastShown, rows.length, onLoadMore]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && rows[active]) {
      e.preventDefault();
      return pick(active);
    }
    const perScreen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const next = nextListIndex(active, e.key, rows.length, perScreen);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  return (
    <div
      ref={scrollRef}
      role="listbox"
      tabIndex={0}
      aria-label="Sandboxes. Arrow keys move, Enter draws the sandbox in the graph."
      aria-activedescendant={rows[active] ? `fleet-row-${rows[active].id}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="fleet-rows"
      className="min-h-48 flex-1 overflow-y-auto rounded-md border border-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700"
    >
      <div style={{ height: virtualizer.getTotalSize() }} className="relative">
        {items.map((item) => {
          const row = rows[item.index];
          if (row) {
            return <FleetRow key={row.id} sandbox={row} index={item.index} active={item.index === active} top={item.start} height={item.size} onPick={pick} />;
          }
          return (
            <div key="more" style={{ height: item.size, transform: `translateY(${item.start}px)` }} className="absolute inset-x-0 top-0 flex items-center justify-center text-xs text-slate-500 dark:text-slate-400">
              {failed ? (
                <button type="button" onClick={onLoadMore} className="text-red-700 hover:underline dark:text-red-300">
                  Could not load more sandboxes · Retry
                </button>
              ) : (
                "Loading more…"
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
