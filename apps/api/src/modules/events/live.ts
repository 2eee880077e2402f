// Write transactions whose events live viewers follow, and the wake-up every API process gets after they commit:
// PostgreSQL LISTEN/NOTIFY when a server is configured (all processes stay in step), in-process when embedded.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DatabaseHandle, Transaction } from '../../db/client.js';

const CHANNEL = 'coop_events';
/**
 * Taken first by every streamed transaction, so their event ids commit in increasing order:
 * a reader that has seen id N can then resume with "id > N" and never miss a later commit with a smaller id.
 */
const STREAM_LOCK = 7_262_001;
const RECONNECT_MS = 1_000;

export interface LiveFeed {
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Called after streamed events commit (calls may be coalesced, and come once more after a reconnect). */
  onCommit(listener: () => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Without a pool (PGlite, or a one-off script) commits are announced in this process only. */
export function createLiveFeed(
  { db, pool }: Pick<DatabaseHandle, 'db' | 'pool'>,
  log?: FastifyBaseLogger,
): LiveFeed {
  const commits = new EventEmitter();
  const wake = () => commits.emit('commit');
  let listener: pg.Client | null = null;
  let stopped = true;
  let retry: NodeJS.Timeout | undefined;

  async function listen(options: pg.PoolConfig) {
    const client = new pg.Client(options);
    client.on('notification', wake);
    client.on('error', (error) => {
      log?.warn({ err: error }, 'live updates: lost the LISTEN connection; reconnecting');
      client.end().catch(() => {});
      if (listener === client) listener = null;
      scheduleReconnect(options);
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
    // Whatever committed while nobody listened.
    wake();
  }

  function scheduleReconnect(options: pg.PoolConfig) {
    if (stopped) return;
    retry = setTimeout(() => {
      listen(options).catch((error) => {
        log?.warn({ err: error }, 'live updates: LISTEN reconnect failed');
        scheduleReconnect(options);
      });
    }, RECONNECT_MS);
    retry.unref();
  }

  return {
    async transaction(work) {
      const result = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${STREAM_LOCK})`);
        const value = await work(tx);
        // Delivered by PostgreSQL only if and when this transaction commits.
        if (pool) await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
        return value;
      });
      if (!pool) wake();
      return result;
    },

    onCommit(listener) {
      commits.on('commit', listener);
      return () => commits.off('commit', listener);
    },

    async start() {
      stopped = false;
      if (pool) await listen(pool.options);
    },

    async stop() {
      stopped = true;
      clearTimeout(retry);
      await listener?.end();
      listener = null;
    },
  };
}
