import type { Metadata } from "next";
import Link from "next/link";
import { config } from "@/lib/config";
import { getPageUser, safeReturnPath } from "@/lib/auth/page-session";
import { ProviderSignInLink } from "@/components/auth/ProviderSignInLink";
import { SignInForm } from "@/components/auth/SignInForm";
import { ThemeToggle } from "@/components/app/ThemeToggle";

export const metadata: Metadata = { title: "Sign in · Lineage" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  const user = await getPageUser();
  const provider = config().oidc;
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-indigo-600 font-semibold text-white">L</span>
          <div>
            <h1 className="text-lg font-semibold">Sign in to Lineage</h1>
            <p className="text-sm text-slate-500 dark:text-slate-400">Snapshot lineage and patches</p>
          </div>
        </div>
        {user && (
          <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
            You are signed in as <strong>{user.name}</strong> ({user.role}).{" "}
            <Link href={next} className="text-indigo-600 underline dark:text-indigo-400">
              Continue
            </Link>{" "}
            or sign in again.
          </p>
        )}
        {provider && (
          <>
            <ProviderSignInLink name={provider.name} next={next} />
            <p className="my-5 flex items-center gap-3 text-xs text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200 dark:text-slate-400 dark:before:bg-slate-800 dark:after:bg-slate-800">
              or with an API token
            </p>
          </>
        )}
        <SignInForm next={next} autoFocus={!provider} />
      </div>
    </main>
  );
}
