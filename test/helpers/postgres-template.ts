import crypto from "node:crypto";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database on TEST_DATABASE_URL's server with every migration applied (see setup below). */
    postgresTemplate: string;
  }
}

/** Runs one statement on TEST_DATABASE_URL's own database (creating and dropping others). */
export async function onTestServer(statement: string) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Global setup of the postgres projects: the migrations run once, into a template database, and
 * each test file's app (helpers/app.ts) gets a copy of it, which is faster than migrating afresh.
 */
export async function setup(project: TestProject) {
  const name = `lineage_test_template_${crypto.randomBytes(5).toString("hex")}`;
  await onTestServer(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: path.resolve(import.meta.dirname, "../../drizzle") });
  } finally {
    // A template takes copies only while nobody is connected to it.
    await pool.end();
  }
  project.provide("postgresTemplate", name);
  return () => onTestServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
