import type { Metadata } from "next";
import Link from "next/link";
import { isRefusalReason, refusals } from "@/lib/auth/oidc/refusals";
import { ThemeToggle } from "@/components/app/ThemeToggle";

export const metadata: Metadata = { title: "Sign-in refused · Lineage" };

/** Where a refused provider sign-in lands: what went wrong, and the way back. */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const reason = (await searchParams).reason;
  const refusal = isRefusalReason(reason) ? refusals[reason] : { title: "Sign-in refused", message: "The sign-in did not complete. Start again." };
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <div
        role="alert"
        data-reason={isRefusalReason(reason) ? reason : undefined}
        className="w-full max-w-md rounded-xl border border-amber-200 bg-white p-6 shadow-sm dark:border-amber-900 dark:bg-slate-900"
      >
        <h1 className="text-lg font-semibold">{refusal.title}</h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{refusal.message}</p>
        <Link href="/signin" className="mt-5 inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Back to sign-in
        </Link>
      </div>
    </main>
  );
}
