import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { HydrationBoundary } from "@tanstack/react-query";
import { requireUser } from "@/lib/auth/page-session";
import { AppHeader } from "@/components/app/AppHeader";
import { SearchBox } from "@/components/home/SearchBox";
import { LineageView } from "@/components/lineage/LineageView";
import { lineageHref, loadLineageUrlState } from "@/lib/ui/lineage-url";
import { prefetchLineage } from "@/lib/ui/prefetch-lineage";

/** Route params arrive percent-encoded; a malformed escape is kept as typed (it will simply not be found). */
function decodeRef(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Params = { params: Promise<{ ref: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${decodeRef((await params).ref)} · Lineage` };
}

export default async function LineagePage({ params, searchParams }: Params) {
  const ref = decodeRef((await params).ref);
  const url = await loadLineageUrlState(searchParams);
  const user = await requireUser(lineageHref(ref, url));
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader user={user}>
        <div className="mx-auto max-w-md">
          <SearchBox size="small" />
        </div>
      </AppHeader>
      <main className="flex min-h-0 flex-1 flex-col">
        <HydrationBoundary state={await prefetchLineage(ref, url)}>
          <LineageView refParam={ref} role={user.role} />
        </HydrationBoundary>
      </main>
    </div>
  );
}
