import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A gzipped dump of an embedded database with every migration applied (see setup below). */
    pgliteDumpFile: string;
  }
}

/**
 * Global setup of the pglite project: creating an embedded database runs initdb, which takes
 * seconds; loading a dump takes about a third of that. So the migrations run once here, and each
 * test file's app (helpers/app.ts) starts from a copy of the result.
 */
export async function setup(project: TestProject) {
  const client = await PGlite.create("memory://", { extensions: { pg_trgm } });
  await migrate(drizzle({ client }), { migrationsFolder: path.resolve(import.meta.dirname, "../../drizzle") });
  const dump = await client.dumpDataDir("gzip");
  await client.close();
  const file = path.join(os.tmpdir(), `lineage-test-pglite-${crypto.randomBytes(5).toString("hex")}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDumpFile", file);
  return () => fs.rmSync(file, { force: true });
}
