import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/page-session";
import { AppHeader } from "@/components/app/AppHeader";
import { AuditLog } from "@/components/admin/AuditLog";
import { TokenManager } from "@/components/admin/TokenManager";
import { UserManager } from "@/components/admin/UserManager";

export const metadata: Metadata = { title: "Admin · Lineage" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} />
      <main className="mx-auto w-full max-w-5xl space-y-8 px-4 py-6">
        {user.role === "admin" ? (
          <>
            <TokenManager />
            <UserManager />
            <AuditLog />
          </>
        ) : (
          <section role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
            <h1 className="font-semibold">Admins only</h1>
            <p className="mt-1">
              You are signed in as {user.name} with the {user.role} role. Tokens, users and the audit log need the admin role: sign in as an admin
              to continue.
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
