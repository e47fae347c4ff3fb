import { ApiRequestError, type LineageClient } from "../client";
import { CliError } from "./errors";

const isNotFound = (err: unknown, code: string) => err instanceof ApiRequestError && err.code === code;

/**
 * The snapshot id a `lineage tree` argument anchors at. `snap_…` ids are snapshots and `sbx_…`
 * ids sandboxes. A name is looked up as a sandbox first, then as a snapshot: `lineage tree
 * my-sandbox` is the common case, and a snapshot whose name a sandbox also has is reachable
 * by its id.
 */
export async function resolveAnchor(client: LineageClient, ref: string): Promise<string> {
  if (ref.startsWith("snap_")) return ref;
  try {
    const { sandbox } = await client.sandbox(ref);
    if (!sandbox.currentSnapshotId) throw new CliError(`sandbox ${ref} has no snapshot yet: there is no lineage to show.`);
    return sandbox.currentSnapshotId;
  } catch (err) {
    if (ref.startsWith("sbx_") || !isNotFound(err, "sandbox_not_found")) throw err;
  }
  try {
    return (await client.snapshot(ref)).snapshot.id;
  } catch (err) {
    if (!isNotFound(err, "snapshot_not_found")) throw err;
    throw new ApiRequestError(404, "not_found", `No sandbox or snapshot has the id or name "${ref}".`);
  }
}
