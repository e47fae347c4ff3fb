import { NotFoundState } from "@/components/app/NotFoundState";

export default function NotFound() {
  return (
    <main className="min-h-dvh">
      <NotFoundState />
    </main>
  );
}
