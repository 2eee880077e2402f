// The Meilisearch adapter, on the official client. Every write is a task: it is awaited and its
// status checked, so a failed task surfaces as an error (and the outbox retries) instead of being lost.
import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type WaitOptions } from 'meilisearch';
import {
  SearchError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchHealth,
  type SearchQuery,
  type SearchResult,
} from './port.js';
import {
  buildFilter,
  buildSearchParams,
  buildSettings,
  facetsOf,
  isHanField,
  toMeilisearchDocument,
  toSearchHit,
} from './meilisearch-request.js';

const PRIMARY_KEY = 'id';

function failure(error: unknown): SearchError {
  if (error instanceof SearchError) return error;
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code === 'index_not_found' ? 'index_not_found' : 'invalid_query';
    return new SearchError(code, error.cause?.message ?? error.message);
  }
  return new SearchError('unavailable', error instanceof Error ? error.message : String(error));
}

/** The adapter for a server at `host` (MEILISEARCH_URL), with its API key when it has one. */
export function connectMeilisearch(host: string, apiKey?: string | null): MeilisearchSearchEngine {
  return new MeilisearchSearchEngine(
    new Meilisearch({ host, ...(apiKey ? { apiKey } : {}), timeout: 10_000 }),
  );
}

export class MeilisearchSearchEngine implements SearchEngine {
  /** Searchable fields per index, needed to add the Han-terms fields to documents. */
  private readonly searchable = new Map<string, string[]>();

  constructor(
    private readonly client: Meilisearch,
    private readonly wait: WaitOptions = { timeout: 60_000, interval: 50 },
  ) {}

  async ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    await this.run(this.client.createIndex(index, { primaryKey: PRIMARY_KEY }), ['index_already_exists']);
    // Settings before documents, so nothing is ever indexed under the wrong rules.
    await this.run(this.client.index(index).updateSettings(buildSettings(settings)));
    this.searchable.set(index, [...settings.searchableAttributes]);
  }

  async upsert(index: string, docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const searchable = await this.searchableOf(index);
    const body = docs.map((doc) => toMeilisearchDocument(doc, searchable));
    await this.run(this.client.index(index).addDocuments(body, { primaryKey: PRIMARY_KEY }));
  }

  async delete(index: string, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.run(this.client.index(index).deleteDocuments(ids));
  }

  async search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: SearchQuery,
  ): Promise<SearchResult<D>> {
    const started = performance.now();
    const filter = buildFilter(query.filters ?? []);
    if (filter === null) return { hits: [], facets: facetsOf({}, query), total: 0, tookMs: 0 };
    const { q, ...params } = buildSearchParams(query, filter);
    try {
      const response = await this.client.index(index).search(q, params);
      return {
        hits: response.hits.map((hit) => toSearchHit(hit, query) as SearchResult<D>['hits'][number]),
        facets: facetsOf(response, query),
        total: response.totalHits,
        tookMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      throw failure(error);
    }
  }

  async swap(indexA: string, indexB: string): Promise<void> {
    await this.run(this.client.swapIndexes([{ indexes: [indexA, indexB], rename: false }]));
    const [a, b] = [this.searchable.get(indexA), this.searchable.get(indexB)];
    this.remember(indexA, b);
    this.remember(indexB, a);
  }

  async clear(index: string): Promise<void> {
    await this.run(this.client.index(index).deleteAllDocuments());
  }

  async drop(index: string): Promise<void> {
    await this.run(this.client.deleteIndex(index), ['index_not_found']);
    this.searchable.delete(index);
  }

  async count(index: string): Promise<number> {
    try {
      return (await this.client.index(index).getStats()).numberOfDocuments;
    } catch (error) {
      throw failure(error);
    }
  }

  async health(): Promise<SearchHealth> {
    try {
      const { status } = await this.client.health();
      return { ok: status === 'available', engine: 'meilisearch' };
    } catch (error) {
      return { ok: false, engine: 'meilisearch', message: failure(error).message };
    }
  }

  /** Awaits a task and checks how it ended; error codes in `tolerated` count as success. */
  private async run(enqueued: EnqueuedTaskPromise, tolerated: string[] = []): Promise<void> {
    let task;
    try {
      task = await enqueued.waitTask(this.wait);
    } catch (error) {
      throw failure(error);
    }
    if (task.status === 'succeeded') return;
    if (task.status === 'failed' && task.error && tolerated.includes(task.error.code)) return;
    const reason = task.error?.message ?? `task ${task.uid} ended ${task.status}`;
    throw new SearchError(task.error?.code === 'index_not_found' ? 'index_not_found' : 'task_failed', reason);
  }

  private remember(index: string, searchable: string[] | undefined): void {
    if (searchable) this.searchable.set(index, searchable);
    else this.searchable.delete(index);
  }

  /** From this process's ensureIndex, else from the index's settings (another process made it). */
  private async searchableOf(index: string): Promise<string[]> {
    const known = this.searchable.get(index);
    if (known) return known;
    try {
      const fields = (await this.client.index(index).getSearchableAttributes()).filter(
        (field) => field !== '*' && !isHanField(field),
      );
      this.searchable.set(index, fields);
      return fields;
    } catch (error) {
      throw failure(error);
    }
  }
}
