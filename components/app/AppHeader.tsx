import Link from "next/link";
import type { Principal } from "@/lib/auth/principal";
import { KeyboardShortcuts } from "./KeyboardShortcuts";
import { RoleBadge } from "./RoleBadge";
import { SignOutButton } from "./SignOutButton";
import { ThemeToggle } from "./ThemeToggle";

/** The bar on every signed-in page: home link, who is signed in with which role, theme, sign-out. */
export function AppHeader({ user, children }: { user: Pick<Principal, "name" | "role">; children?: React.ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
        <span aria-hidden className="grid size-6 place-items-center rounded bg-indigo-600 text-xs text-white">L</span>
        <span className="hidden sm:inline">Lineage</span>
      </Link>
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex items-center gap-1 text-sm">
        <span className="hidden max-w-40 truncate text-slate-600 sm:inline dark:text-slate-300" title="Signed in as">
          {user.name}
        </span>
        <RoleBadge role={user.role} />
        {user.role === "admin" && (
          <Link href="/admin" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Admin
          </Link>
        )}
        <KeyboardShortcuts />
        <ThemeToggle />
        <SignOutButton />
      </div>
    </header>
  );
}
