import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { entityKind, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import type { PoolClient } from "pg";
import type { Config } from "../config";
import * as schema from "./schema";
import { acquireDataDirLock, releaseDataDirLock } from "./data-dir-lock";
import { listenPostgres, type OnNotify, type Unlisten } from "./listen";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or a transaction inside it. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Calls `onNotify` on each NOTIFY on `channel` (and after a reconnection); one connection per call. */
  listen: (channel: string, onNotify: OnNotify) => Promise<Unlisten>;
  close: () => Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "drizzle");
// Below QUERY_TIMEOUT_MS, so a lock an abandoned transaction held is freed before those queued behind it give up.
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 5_000;
/** How long the web server waits for one statement before answering 503 (scripts wait as long as it takes). */
export const QUERY_TIMEOUT_MS = 10_000;

export type OpenOptions = {
  queryTimeoutMillis?: number;
  /** Runs once the migrations are in, still under the migration lock (lib/boot.ts prepares the data here). */
  afterMigrate?: (db: Db) => Promise<void>;
  /**
   * Embedded only: start from a copy of this dump (PGlite's dumpDataDir) instead of an empty
   * database. Tests load one migrated dump per file rather than running initdb for each.
   */
  pgliteDump?: Blob;
};

async function openPglite(cfg: Config, opts: OpenOptions): Promise<Database> {
  const { dataDir } = cfg;
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    acquireDataDirLock(dataDir);
  }
  let client: InstanceType<typeof PGlite> | undefined;
  try {
    client = await PGlite.create(inMemory ? dataDir : path.join(dataDir, "pgdata"), { extensions: { pg_trgm }, loadDataDir: opts.pgliteDump });
    const db = drizzle({ client, schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder });
    await opts.afterMigrate?.(db);
    const opened = client;
    return {
      db,
      driver: "pglite",
      // In process: the one embedded connection delivers its own notifications after each commit.
      listen: async (channel, onNotify) => {
        const unlisten = await opened.listen(channel, onNotify);
        onNotify();
        return unlisten;
      },
      close: async () => {
        await opened.close();
        if (!inMemory) releaseDataDirLock(dataDir);
      },
    };
  } catch (err) {
    await client?.close().catch(() => {});
    if (!inMemory) releaseDataDirLock(dataDir);
    throw err;
  }
}

async function openPostgres(cfg: Config & { databaseUrl: string }, opts: OpenOptions): Promise<Database> {
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({
    connectionString: cfg.databaseUrl,
    max: 10,
    // Requests fail fast when the server is unreachable: 2 s to connect, then a 503.
    connectionTimeoutMillis: 2000,
    // A transaction whose app instance vanished (killed, or cut off without a reset) would keep its
    // row locks, and every attach to that snapshot would wait behind it; the server ends it instead.
    // The app never leaves a transaction idle on purpose, so this only ends abandoned ones.
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // A statement sent on a connection that went silent (dropped packets, no reset) would otherwise
    // wait until TCP gives up, minutes later.
    query_timeout: opts.queryTimeoutMillis,
  });
  // A client that loses its server emits 'error'; without a listener that is an uncaught exception
  // that kills the server. The pool listens only to idle clients, so every client gets one of its own.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const checkOut = pool.connect.bind(pool);
  pool.connect = ((callback?: Parameters<typeof checkOut>[0]) =>
    callback ? checkOut(callback) : checkOut().then(guardCheckedOut)) as typeof pool.connect;
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  // Several instances may start at once: one migrates and seeds while the others wait on the advisory
  // lock. Migrations run on a connection of their own, without the query timeout: they may be long.
  const lockClient = new Client({ connectionString: cfg.databaseUrl, connectionTimeoutMillis: 2000 });
  lockClient.on("error", () => {});
  try {
    await lockClient.connect();
    await lockClient.query("SELECT pg_advisory_lock(7297110)");
    await migrate(drizzle({ client: lockClient, schema }), { migrationsFolder });
    await opts.afterMigrate?.(db);
  } catch (err) {
    await pool.end();
    throw err;
  } finally {
    await lockClient.end().catch(() => {}); // ending the session releases the advisory lock
  }
  const databaseUrl = cfg.databaseUrl;
  return {
    db,
    driver: "postgres",
    listen: async (channel, onNotify) =>
      listenPostgres(databaseUrl, channel, onNotify, (url) => new Client({ connectionString: url, connectionTimeoutMillis: 2000 })),
    close: () => pool.end(),
  };
}

/**
 * Makes a checked-out client safe to lose. Drizzle's transactions release their client in a `finally`
 * that starts only after BEGIN succeeded: a client whose connection dies before or during BEGIN would
 * never go back, and each such leak costs the pool a connection for good (ten of them, and no
 * transaction could ever run again, nor could the pool be closed). And pg leaves a timed-out statement
 * active on its connection, so a client released after a timeout would block whoever gets it next.
 * So a client that loses its connection or times out is handed back at once for the pool to discard
 * (which ends it), and the owner's later release does nothing.
 */
function guardCheckedOut(client: PoolClient): PoolClient {
  const release = client.release;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let released = false;
  const discard = (err: Error) => client.release(err);
  client.once("error", discard);
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("error", discard);
    release(err);
  };
  client.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((err: Error) => {
        if (isQueryTimeout(err)) discard(err);
      });
    }
    return result;
  }) as typeof client.query;
  return client;
}

const isQueryTimeout = (err: unknown) => err instanceof Error && err.message === "Query read timeout";

/** Opens and migrates the configured database (lib/boot.ts adds the start-up preparation). */
export function openDatabase(cfg: Config, opts: OpenOptions = {}): Promise<Database> {
  return cfg.databaseUrl ? openPostgres({ ...cfg, databaseUrl: cfg.databaseUrl }, opts) : openPglite(cfg, opts);
}

/** Runs raw SQL and returns its rows (both drivers expose `rows`). */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * `rows`, as a named prepared statement (named after its text): PostgreSQL parses it once per
 * connection and may keep its plan, instead of planning on every call. For hot statements whose
 * planning costs as much as running them, like the tree walk.
 */
export async function preparedRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  const name = `lineage_${crypto.createHash("sha1").update(built.sql).digest("hex").slice(0, 24)}`;
  const embedded = await pglitePreparedRows<T>(db, built, name);
  if (embedded) return embedded;
  const result = (await db._.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

/**
 * Statements PREPAREd on each embedded database: PGlite has one session, and PREPARE outlives
 * transactions. Kept on globalThis: Next.js bundles this module more than once (route handlers,
 * pages), and every copy shares the one database.
 */
const registry = Symbol.for("lineage.pglitePrepared");
type Prepared = WeakMap<object, Map<string, Promise<unknown>>>;
const pglitePrepared = ((globalThis as { [registry]?: Prepared })[registry] ??= new WeakMap());
/** PostgreSQL's duplicate_prepared_statement: prepared already, which is all that was asked. */
const alreadyPrepared = (err: unknown) => (err as { cause?: { code?: string } }).cause?.code === "42P05";

/** A parameter as a dollar-quoted literal of unknown type (nothing in it is interpreted); null when it cannot be one. */
function literal(value: unknown): string | null {
  if (value === null || value === undefined) return "NULL";
  const text =
    value instanceof Date ? value.toISOString() : ["string", "number", "boolean", "bigint"].includes(typeof value) ? String(value) : null;
  return text === null || text.includes("$") || text.includes("\u0000") ? null : `$v$${text}$v$`;
}

/**
 * PGlite's driver sends every statement unnamed, to be planned again (2.3 ms for an ancestor
 * lookup, against ~1 ms prepared). Outside a transaction (a transaction's client is not the
 * database's, and the statements are few and hot), the statement is PREPAREd once with SQL and
 * then EXECUTEd; EXECUTE takes no bound parameters, so they are passed as literals, each
 * coerced to the type PREPARE inferred, as a bound one would be. Null when not applicable.
 */
async function pglitePreparedRows<T>(db: Executor, built: { sql: string; params: unknown[] }, name: string): Promise<T[] | null> {
  const session = db._.session;
  const client = (session as unknown as { client?: { transaction?: unknown } }).client;
  if ((session.constructor as { [entityKind]?: string })[entityKind] !== "PgliteSession" || typeof client?.transaction !== "function") return null;
  const literals = built.params.map(literal);
  if (literals.some((l) => l === null)) return null;
  // Through the driver's own query path, so values are parsed as everywhere else (timestamps stay text).
  const run = (text: string) => session.prepareQuery({ sql: text, params: [] }, undefined, undefined, false).execute() as Promise<{ rows: T[] }>;
  let prepared = pglitePrepared.get(client);
  if (!prepared) pglitePrepared.set(client, (prepared = new Map()));
  let ready = prepared.get(name);
  if (!ready) {
    ready = run(`PREPARE ${name} AS ${built.sql}`).catch((err: unknown) => {
      if (!alreadyPrepared(err)) throw err;
    });
    prepared.set(name, ready);
    ready.catch(() => prepared.delete(name));
  }
  await ready;
  return (await run(`EXECUTE ${name}${literals.length ? `(${literals.join(", ")})` : ""}`)).rows;
}
