"use client";

import { useSnapshotName } from "@/components/app/useSnapshotName";
import { NodeLink } from "./NodeLink";

/** A snapshot mentioned in the panel, by its name when it has one (the id on hover and in the copy button). */
export function SnapshotLink({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  return <NodeLink id={id} name={useSnapshotName(id)} onSelect={onSelect} />;
}
