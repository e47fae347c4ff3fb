/** "Sign in with <provider>": a plain link, since the sign-in leaves for the provider's pages and comes back. */
export function ProviderSignInLink({ name, next }: { name: string; next: string }) {
  return (
    <a
      href={`/api/session/oidc/start?next=${encodeURIComponent(next)}`}
      className="flex w-full items-center justify-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
    >
      Sign in with {name}
    </a>
  );
}
