import type { Role } from "@/lib/contract/enums";

const tone: Record<Role, string> = {
  admin: "bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-200",
  editor: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  viewer: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  runtime: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span data-testid="role-badge" className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[role]}`}>
      {role}
    </span>
  );
}
