"use client";

import { useSnapshotName } from "./useSnapshotName";

/** A snapshot by its name when it has one, its id otherwise; the id stays on hover. */
export function SnapshotName({ id }: { id: string }) {
  const name = useSnapshotName(id);
  return <span title={id}>{name ?? <span className="font-mono">{id}</span>}</span>;
}
