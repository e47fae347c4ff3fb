"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/ui/api";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    let providerSignOut: string | null = null;
    try {
      providerSignOut = (await api.signOut()).endSessionUrl;
    } finally {
      queryClient.clear();
      // A session from the identity provider ends there too; it sends the browser back to /signin.
      if (providerSignOut) window.location.assign(providerSignOut);
      else {
        router.replace("/signin");
        router.refresh();
      }
    }
  };
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
