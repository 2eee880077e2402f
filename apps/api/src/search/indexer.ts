// Drains the search outbox into the engine: retried with back-off until it lands, idempotent on replay.
import type { Database } from '../db/client.js';
import { capabilities, needs } from '../db/schema/index.js';
import { createListingRepository, type OrgRow } from '../modules/listings/repository.js';
import {
  INDEX_OF,
  LISTING_INDEX_SETTINGS,
  toListingDocument,
  type ListingDocument,
  type ListingType,
} from './indexes.js';
import { createOutboxRepository, type OutboxRow } from './outbox.js';
import type { SearchEngine } from './port.js';

const BATCH = 200;
const LEASE_MS = 30_000;
const POLL_MS = 500;
const KEEP_PROCESSED_MS = 24 * 3600_000;

export interface RebuildProgress {
  index: string;
  done: number;
  total: number;
}

interface Logger {
  info(message: string): void;
  warn(details: object, message: string): void;
}

/** Told of every document written to or removed from the live indexes (matching keeps term statistics). */
export interface IndexListener {
  indexed(type: ListingType, docs: ListingDocument[]): void;
  removed(type: ListingType, ids: string[]): void;
}

interface Deps {
  db: Database;
  engine: SearchEngine;
  log: Logger;
  listener?: IndexListener;
}

export function createIndexer({ db, engine, log, listener }: Deps) {
  const outbox = createOutboxRepository();
  const repositories = {
    need: createListingRepository(needs),
    capability: createListingRepository(capabilities),
  };
  let draining: Promise<number> | null = null;
  let again = false;
  let paused = false;
  let timer: NodeJS.Timeout | null = null;
  let lastPrune = 0;
  /** The start-up build and rebuilds under way: until they end the live index and the statistics are partial. */
  const builds = new Set<Promise<unknown>>();

  function building<T>(work: Promise<T>): Promise<T> {
    const done = work.catch(() => undefined);
    builds.add(done);
    void done.then(() => builds.delete(done));
    return work;
  }

  /** Puts the current state of these listings into the index (or takes out the ones that are gone). */
  async function project(type: ListingType, ids: string[], index = INDEX_OF[type]) {
    if (ids.length === 0) return;
    const found = await Promise.all(ids.map((id) => repositories[type].get(db, id)));
    const docs = found.flatMap((hit) => (hit ? [toListingDocument(type, hit.row, hit.org)] : []));
    const gone = ids.filter((_, i) => !found[i]);
    if (docs.length) await engine.upsert(index, docs);
    if (gone.length) await engine.delete(index, gone);
    listener?.indexed(type, docs);
    listener?.removed(type, gone);
  }

  /** Reads every listing of a type in batches, in id order. */
  async function eachBatch(type: ListingType, visit: (docs: ListingDocument[]) => Promise<void>) {
    let after: string | null = null;
    for (;;) {
      const batch: { row: { id: string }; org: OrgRow }[] = await repositories[type].batchAfter(
        db,
        after,
        1000,
      );
      if (batch.length === 0) return;
      await visit(batch.map(({ row, org }) => toListingDocument(type, row as never, org)));
      after = batch[batch.length - 1]!.row.id;
    }
  }

  async function apply(rows: OutboxRow[]) {
    const ids: Record<ListingType, Set<string>> = { need: new Set(), capability: new Set() };
    for (const row of rows) {
      if (row.entityType === 'organization') {
        // Organisation names and designations live in its listings' documents.
        for (const type of ['need', 'capability'] as const) {
          for (const id of await repositories[type].idsOfOrg(db, row.entityId)) ids[type].add(id);
        }
      } else {
        ids[row.entityType].add(row.entityId);
      }
    }
    await project('need', [...ids.need]);
    await project('capability', [...ids.capability]);
  }

  async function drainOnce(): Promise<number> {
    let applied = 0;
    for (;;) {
      const rows = await outbox.claimDue(db, BATCH, LEASE_MS);
      if (rows.length === 0) break;
      try {
        await apply(rows);
        await outbox.markProcessed(
          db,
          rows.map((r) => r.id),
        );
        applied += rows.length;
      } catch (error) {
        await outbox.markFailed(
          db,
          rows.map((r) => r.id),
          (error as Error).message,
        );
        log.warn({ err: error }, 'search index update failed; will retry');
        break;
      }
    }
    if (Date.now() - lastPrune > 3600_000) {
      lastPrune = Date.now();
      await outbox.prune(db, new Date(Date.now() - KEEP_PROCESSED_MS));
    }
    return applied;
  }

  /** Drains until nothing is due; concurrent callers share one run (and ask for another if work arrived). */
  async function drain(): Promise<number> {
    if (paused) return 0;
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again && !paused);
      return total;
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  const kick = () => {
    drain().catch((error) => log.warn({ err: error }, 'search outbox drain failed'));
  };

  async function ensureIndexes() {
    for (const index of Object.values(INDEX_OF)) await engine.ensureIndex(index, LISTING_INDEX_SETTINGS);
  }

  /**
   * Rebuilds an index from the database into a fresh one and swaps it in, so searches never see a partial
   * index. Draining pauses meanwhile; changes made during the rebuild are replayed onto the new index.
   */
  function rebuild(type: ListingType, onProgress?: (progress: RebuildProgress) => void) {
    return building(rebuildInto(type, onProgress));
  }

  async function rebuildInto(type: ListingType, onProgress?: (progress: RebuildProgress) => void) {
    const index = INDEX_OF[type];
    const fresh = `${index}_rebuild`;
    paused = true;
    await draining;
    const startedAt = new Date(Date.now() - 1000);
    try {
      await engine.ensureIndex(index, LISTING_INDEX_SETTINGS);
      await engine.drop(fresh);
      await engine.ensureIndex(fresh, LISTING_INDEX_SETTINGS);
      const total = await repositories[type].count(db);
      let done = 0;
      onProgress?.({ index, done, total });
      await eachBatch(type, async (docs) => {
        await engine.upsert(fresh, docs);
        listener?.indexed(type, docs);
        done += docs.length;
        onProgress?.({ index, done, total: Math.max(total, done) });
      });
      await engine.swap(index, fresh);
      await engine.drop(fresh);
      const changed = await outbox.changedSince(db, startedAt);
      await apply(changed.map((c, i) => ({ ...c, id: -i }) as OutboxRow));
    } finally {
      paused = false;
      kick();
    }
  }

  /** Tells the listener of every stored listing of the type, as the index holds them. */
  async function tell(type: ListingType) {
    if (listener) await eachBatch(type, async (docs) => listener.indexed(type, docs));
  }

  /** Rebuilds indexes the engine lacks documents for (the embedded engine starts empty), then polls. */
  async function start() {
    await ensureIndexes();
    for (const type of ['need', 'capability'] as const) {
      const [indexed, stored] = await Promise.all([
        engine.count(INDEX_OF[type]),
        repositories[type].count(db),
      ]);
      if (indexed < stored) {
        await rebuild(type, ({ done, total }) => {
          if (done === total) log.info(`search index ${INDEX_OF[type]} rebuilt: ${done} documents`);
        });
      } else await tell(type);
    }
    timer = setInterval(kick, POLL_MS);
    timer.unref();
    kick();
  }

  // An engine that lost its documents (the embedded worker restarted) is refilled from the database.
  let refilling: Promise<void> = Promise.resolve();
  engine.onLoss?.(() => {
    refilling = refilling
      .then(async () => {
        log.warn({}, 'search engine lost its indexes; rebuilding them from the database');
        for (const type of ['need', 'capability'] as const) await rebuild(type);
      })
      .catch((error) => log.warn({ err: error }, 'search index rebuild after a loss failed'));
  });

  return {
    ensureIndexes,
    drain,
    rebuild,
    /** Wakes the drain now (after a committed write) instead of at the next poll. */
    nudge: kick,
    async lag() {
      return outbox.lag(db);
    },
    start: () => building(start()),
    /** Tells the listener of every listing again: one that lost what it kept (a restarted thread) refills. */
    retell: () =>
      building(
        (async () => {
          for (const type of ['need', 'capability'] as const) await tell(type);
        })(),
      ).catch((error) => log.warn({ err: error }, 'telling the index listener again failed')),
    /** Waits for any build under way, then drains: what is searched and counted is then up to date. */
    async settle() {
      while (builds.size > 0) await Promise.all(builds);
      return drain();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await draining;
    },
  };
}

export type Indexer = ReturnType<typeof createIndexer>;
