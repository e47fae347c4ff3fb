import { CopyButton } from "@/components/app/CopyButton";
import { StatusDot } from "@/components/app/StatusDot";
import { DetailRow } from "./DetailRow";

const kinds = {
  snapshot: { label: "◆ Snapshot", tone: "text-sky-700 dark:text-sky-300" },
  sandbox: { label: "● Sandbox", tone: "text-violet-700 dark:text-violet-300" },
};

type Props = { kind: keyof typeof kinds; id: string; name: string | null; status: string; children: React.ReactNode };

/** The panel's title (kind, name or id) and its details, opening with the id and status rows both node kinds share. */
export function PanelDetails({ kind, id, name, status, children }: Props) {
  return (
    <>
      <div>
        <p className={`text-[11px] font-semibold tracking-wider uppercase ${kinds[kind].tone}`}>{kinds[kind].label}</p>
        <h2 className="truncate text-lg font-semibold">{name ?? id}</h2>
      </div>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <DetailRow label="Id">
        <code className="truncate text-xs">{id}</code>
        <CopyButton value={id} />
      </DetailRow>
        <DetailRow label="Status">
          <StatusDot status={status} />
        </DetailRow>
        {children}
      </dl>
    </>
  );
}
