// Picks the search engine the configuration names: Meilisearch when MEILISEARCH_URL is set, else embedded
// (on its own thread, so searching does not wait behind the main thread's HTTP and PGlite work).
import type { Config } from '../config.js';
import { WorkerSearchEngine } from './embedded-worker.js';
import { connectMeilisearch } from './meilisearch.js';
import type { SearchEngine } from './port.js';

export function createSearchEngine(config: Pick<Config, 'meilisearchUrl' | 'meilisearchKey'>): SearchEngine {
  return config.meilisearchUrl
    ? connectMeilisearch(config.meilisearchUrl, config.meilisearchKey)
    : new WorkerSearchEngine();
}
