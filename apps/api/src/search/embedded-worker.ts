// The embedded engine on its own thread: searches use the second core while the main thread serves HTTP
// and runs PGlite. The index lives only in the worker; every port call is one message each way.
// The index is a projection of the database, so a worker that dies is replaced by an empty one and
// whoever listens (the indexer) rebuilds it; requests in flight fail as unavailable rather than hang.
import { Worker } from 'node:worker_threads';
import type { EngineMethod, EngineReply, EngineRequest } from './embedded/worker.js';
import {
  SearchError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchHealth,
  type SearchQuery,
  type SearchResult,
} from './port.js';

/** A worker that dies sooner than this after starting is restarted after a growing pause, not at once. */
const SHORT_LIFE_MS = 5000;
const MAX_RESTART_PAUSE_MS = 30_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WorkerSearchEngine implements SearchEngine {
  private worker: Worker | null = null;
  private startedAt = 0;
  private quickDeaths = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly lossListeners: (() => void)[] = [];
  private nextId = 0;
  private lastError = '';

  constructor() {
    this.start();
  }

  onLoss(listener: () => void): void {
    this.lossListeners.push(listener);
  }

  ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    return this.call('ensureIndex', index, settings);
  }

  upsert(index: string, docs: SearchDocument[]): Promise<void> {
    return this.call('upsert', index, docs);
  }

  delete(index: string, ids: string[]): Promise<void> {
    return this.call('delete', index, ids);
  }

  search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: SearchQuery,
  ): Promise<SearchResult<D>> {
    return this.call('search', index, query);
  }

  swap(indexA: string, indexB: string): Promise<void> {
    return this.call('swap', indexA, indexB);
  }

  clear(index: string): Promise<void> {
    return this.call('clear', index);
  }

  drop(index: string): Promise<void> {
    return this.call('drop', index);
  }

  count(index: string): Promise<number> {
    return this.call('count', index);
  }

  async health(): Promise<SearchHealth> {
    try {
      return await this.call('health');
    } catch (error) {
      return { ok: false, engine: 'embedded', message: (error as Error).message };
    }
  }

  private start(): void {
    const worker = new Worker(new URL('./embedded/worker-entry.mjs', import.meta.url));
    this.startedAt = Date.now();
    // Kept alive only while it owes answers, so a process whose work is done can exit.
    worker.unref();
    worker.on('message', (reply: EngineReply) => this.settle(reply));
    worker.on('error', (error) => (this.lastError = error.message));
    worker.on('exit', (code) => {
      const reason = `embedded search worker stopped (exit ${code}${this.lastError ? `: ${this.lastError}` : ''})`;
      this.worker = null;
      this.lastError = '';
      for (const { reject } of this.pending.values()) reject(new SearchError('unavailable', reason));
      this.pending.clear();
      this.quickDeaths = Date.now() - this.startedAt < SHORT_LIFE_MS ? this.quickDeaths + 1 : 0;
      const pause = this.quickDeaths > 1 ? Math.min(MAX_RESTART_PAUSE_MS, 100 * 2 ** this.quickDeaths) : 0;
      setTimeout(() => {
        this.start();
        for (const listener of this.lossListeners) listener();
      }, pause).unref();
    });
    this.worker = worker;
  }

  private call<T>(method: EngineMethod, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    const request: EngineRequest = { id, method, args };
    const worker = this.worker;
    if (!worker)
      return Promise.reject(new SearchError('unavailable', 'embedded search worker is restarting'));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      try {
        worker.postMessage(request);
      } catch (error) {
        // A value that cannot be cloned (a function, say) is refused like any other invalid request.
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        reject(new SearchError('invalid_query', (error as Error).message));
      }
    });
  }

  private settle(reply: EngineReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('result' in reply) waiting.resolve(reply.result);
    else
      waiting.reject(
        reply.error.code
          ? new SearchError(reply.error.code, reply.error.message)
          : new Error(reply.error.message),
      );
  }
}
