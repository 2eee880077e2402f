// A rebuild of the search indexes from the database, run in the background with its progress kept for the UI.
import type { Indexer, RebuildProgress } from '../../search/indexer.js';

export interface ReindexStatus {
  running: boolean;
  index: string | null;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export function createReindexJob(indexer: Indexer, log: { error(details: object, message: string): void }) {
  let status: ReindexStatus = {
    running: false,
    index: null,
    done: 0,
    total: 0,
    startedAt: null,
    finishedAt: null,
    error: null,
  };
  /** Progress over both indexes: what earlier indexes held plus where the current one stands. */
  const track =
    (before: { done: number; total: number }) =>
    ({ index, done, total }: RebuildProgress) => {
      status = { ...status, index, done: before.done + done, total: before.total + total };
    };

  return {
    status: () => status,
    /** Starts unless one is running; answers the status either way. */
    start(): ReindexStatus {
      if (status.running) return status;
      status = {
        running: true,
        index: null,
        done: 0,
        total: 0,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      void (async () => {
        try {
          await indexer.rebuild('need', track({ done: 0, total: 0 }));
          await indexer.rebuild('capability', track({ done: status.done, total: status.done }));
        } catch (error) {
          status = { ...status, error: (error as Error).message };
          log.error({ err: error }, 'reindex failed');
        } finally {
          status = { ...status, running: false, finishedAt: new Date().toISOString() };
        }
      })();
      return status;
    },
  };
}

export type ReindexJob = ReturnType<typeof createReindexJob>;
