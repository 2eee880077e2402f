// Opens the database the configuration names: a PostgreSQL server through `pg`, or the embedded PGlite.
import { PGlite } from '@electric-sql/pglite';
// Instrument bookings' exclusion constraint (instrument = and time range &&) needs btree_gist.
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index.js';
import { withNamedStatements } from './pglite-statements.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service can run several of them in one transaction. */
export type Executor = Database | Transaction;

/**
 * Awaits these (drizzle queries run when awaited): at once on the pool, one after another in a transaction, which
 * holds a single connection; `pg` deprecates queueing a query on a client that is busy (removed in pg 9).
 */
export async function allOf<const Q extends readonly unknown[]>(
  db: Executor,
  queries: Q,
): Promise<{ -readonly [K in keyof Q]: Awaited<Q[K]> }> {
  if (!(db instanceof PgTransaction)) return Promise.all(queries) as never;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as never;
}

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'pg';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The pool, when a server is used (LISTEN/NOTIFY needs its own connection). */
  pool: pg.Pool | null;
  /**
   * Embedded only: calls `listener` for each NOTIFY on `channel`, as the notifying transaction's commit returns
   * (there is no other process). Answers the unsubscribe.
   */
  listen: ((channel: string, listener: () => void) => Promise<() => Promise<void>>) | null;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// PostgreSQL's 128 MB buffer pool is sized for a server of its own; embedded, it lives in the API's memory,
// and the operating system caches the data files anyway.
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export async function openDatabase(options: {
  url: string | null;
  dataDir?: string;
  onConnectionLost?: (error: Error) => void;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A connection the server ends (restart, pg_terminate_backend) emits 'error': on the pool when idle, on its
    // client while checked out. Unheard, either crashes the process. The pool drops that client and the next
    // query opens a fresh one; a query in flight fails by itself (answered as 503 database_unavailable).
    const onLost = (error: Error) => options.onConnectionLost?.(error);
    pool.on('error', onLost);
    pool.on('connect', (client) => client.on('error', onLost));
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return {
      db,
      driver: 'pg',
      pool,
      listen: null,
      migrate: () => migratePg(db as never, { migrationsFolder }),
      ping: async () => (await pool.query('select 1')).rowCount === 1,
      close: () => pool.end(),
    };
  }
  // No data dir means in-memory: tests.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One options object: PGlite ignores a second argument when the first (the data dir) is undefined.
  const client = new PGlite({
    dataDir: options.dataDir,
    startParams: PGLITE_START_PARAMS,
    extensions: { btree_gist },
  });
  await client.waitReady;
  const db = drizzlePglite(withNamedStatements(client), { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    pool: null,
    listen: (channel, listener) => client.listen(channel, listener),
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => (await client.query('select 1')).rows.length === 1,
    close: () => client.close(),
  };
}

const CONNECTION_LOST = new Set([
  // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // connection_exception and its subclasses
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
// What `pg` throws without a code when its socket goes away.
const LOST_MESSAGE = /Connection terminated|not queryable|Cannot use a pool after calling end/;

/** Whether an error (or what caused it: drizzle wraps the driver's error) is the database being unreachable. */
export function isConnectionLoss(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if ((typeof code === 'string' && CONNECTION_LOST.has(code)) || LOST_MESSAGE.test(cause.message))
      return true;
  }
  return false;
}
