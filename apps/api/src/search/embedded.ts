// The in-process search engine: the default when no Meilisearch is configured, and in tests.
// Indexes live in memory and are rebuilt from the database at start-up (see the reindex command).
import { EmbeddedIndex } from './embedded/embedded-index.js';
import {
  SearchError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchHealth,
  type SearchQuery,
  type SearchResult,
} from './port.js';

const VALID_INDEX_NAME = /^[A-Za-z0-9_-]{1,400}$/;
// Large batches are indexed in slices so searches are not held up behind them.
const DOCS_PER_SLICE = 250;

export class EmbeddedSearchEngine implements SearchEngine {
  private readonly indexes = new Map<string, EmbeddedIndex>();

  async ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    if (!VALID_INDEX_NAME.test(index))
      throw new SearchError('invalid_query', `Index name "${index}" is not allowed`);
    const existing = this.indexes.get(index);
    if (existing) existing.configure(settings);
    else this.indexes.set(index, new EmbeddedIndex(settings));
  }

  async upsert(index: string, docs: SearchDocument[]): Promise<void> {
    const target = this.get(index);
    for (let i = 0; i < docs.length; i += DOCS_PER_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      target.upsert(docs.slice(i, i + DOCS_PER_SLICE));
    }
  }

  async delete(index: string, ids: string[]): Promise<void> {
    this.get(index).delete(ids);
  }

  async search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: SearchQuery,
  ): Promise<SearchResult<D>> {
    return this.get(index).search(query) as SearchResult<D>;
  }

  async swap(indexA: string, indexB: string): Promise<void> {
    const [a, b] = [this.get(indexA), this.get(indexB)];
    this.indexes.set(indexA, b);
    this.indexes.set(indexB, a);
  }

  async clear(index: string): Promise<void> {
    this.get(index).clear();
  }

  async drop(index: string): Promise<void> {
    this.indexes.delete(index);
  }

  async count(index: string): Promise<number> {
    return this.get(index).count();
  }

  async health(): Promise<SearchHealth> {
    return { ok: true, engine: 'embedded' };
  }

  private get(index: string): EmbeddedIndex {
    const found = this.indexes.get(index);
    if (!found) throw new SearchError('index_not_found', `Index "${index}" does not exist`);
    return found;
  }
}
