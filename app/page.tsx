import { requireUser } from "@/lib/auth/page-session";
import { AppHeader } from "@/components/app/AppHeader";
import { SearchBox } from "@/components/home/SearchBox";
import { RecentSandboxes } from "@/components/home/RecentSandboxes";

export default async function HomePage() {
  const user = await requireUser("/");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:py-16">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Where did this sandbox come from?</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Find a sandbox or snapshot to see its lineage — the snapshots it was built from and what was built on it — and
          manage the patches on each snapshot.
        </p>
        <div className="mt-6">
          <SearchBox autoFocus />
        </div>
        <section className="mt-10">
          <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">Recent sandboxes</h2>
          <RecentSandboxes />
        </section>
      </main>
    </>
  );
}
