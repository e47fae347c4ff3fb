import Link from "next/link";
import { SearchBox } from "@/components/home/SearchBox";

/** Nothing has that name or id: say so, and offer a search right here. */
export function NotFoundState({ what }: { what?: string }) {
  return (
    <div className="mx-auto w-full max-w-lg px-4 py-16 text-center" data-testid="not-found">
      <p className="text-5xl font-semibold text-slate-500 dark:text-slate-400">404</p>
      <h1 className="mt-2 text-xl font-semibold">{what ? <>No sandbox or snapshot is called “{what}”</> : "This page does not exist"}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Check the spelling, or search by part of a name or id:</p>
      <div className="mt-4 text-left">
        <SearchBox initialQuery={what ?? ""} />
      </div>
      <Link href="/" className="mt-6 inline-block text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← Back to the start page
      </Link>
    </div>
  );
}
