// The embedded engine on its own thread: searches use the second core while the main thread serves HTTP
// and runs PGlite. The index lives only in the worker; every port call is one message each way.
// The index is a projection of the database, so a worker that dies is replaced by an empty one and
// whoever listens (the indexer) rebuilds it; requests in flight fail as unavailable rather than hang.
import { ThreadClient } from '../threads/client.js';
import {
  SearchError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchHealth,
  type SearchQuery,
  type SearchResult,
} from './port.js';

type EngineMethod = Exclude<keyof SearchEngine, 'onLoss'>;

export class WorkerSearchEngine implements SearchEngine {
  private readonly thread = new ThreadClient<EngineMethod>(
    new URL('./embedded/worker-entry.mjs', import.meta.url),
    'embedded search worker',
    {
      failed: (code, message) =>
        code ? new SearchError(code as SearchError['code'], message) : new Error(message),
      unavailable: (reason) => new SearchError('unavailable', reason),
      // A value that cannot be cloned (a function, say) is refused like any other invalid request.
      unsendable: (message) => new SearchError('invalid_query', message),
    },
  );

  onLoss(listener: () => void): void {
    this.thread.onLoss(listener);
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

  private call<T>(method: EngineMethod, ...args: unknown[]): Promise<T> {
    return this.thread.call<T>(method, ...args);
  }
}
