"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiRequestError } from "@/lib/client";
import { api, errorMessage } from "@/lib/ui/api";

/** Exchanges a pasted API token for a session cookie, then returns to `next`. */
export function SignInForm({ next, autoFocus }: { next: string; autoFocus: boolean }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await api.signIn(token.trim());
      router.replace(next);
      router.refresh();
    } catch (err) {
      // Here a 401 is about the pasted token, not an expired session: show the API's sentence as is.
      setError(err instanceof ApiRequestError ? err.message : errorMessage(err));
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="token" className="block text-sm font-medium">
          API token
        </label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          autoFocus={autoFocus}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="lin_…"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Ask an admin for a token. The embedded demo prints its demo tokens when the server starts.
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || token.trim() === ""}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
