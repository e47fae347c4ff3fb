import fs from "node:fs";
import path from "node:path";

// PGlite aborts the whole process when two processes open one data folder, so we refuse first.
const lockFile = (dataDir: string) => path.join(dataDir, "lineage.lock");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DataDirLockedError extends Error {}

export function acquireDataDirLock(dataDir: string): void {
  const file = lockFile(dataDir);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const holder = Number(fs.readFileSync(file, "utf8"));
  if (holder !== process.pid && Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
    throw new DataDirLockedError(
      `The data folder ${path.resolve(dataDir)} is in use by process ${holder}. ` +
        "Stop that process, or set LINEAGE_DATA_DIR to another folder.",
    );
  }
  // The holder is gone (or is us): take the lock over.
  fs.writeFileSync(file, String(process.pid));
}

export function releaseDataDirLock(dataDir: string): void {
  const file = lockFile(dataDir);
  try {
    if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
  } catch {
    // Already gone.
  }
}
