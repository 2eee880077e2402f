// Picks the search engine the configuration names: Meilisearch when MEILISEARCH_URL is set, else embedded.
import type { Config } from '../config.js';
import { EmbeddedSearchEngine } from './embedded.js';
import { connectMeilisearch } from './meilisearch.js';
import type { SearchEngine } from './port.js';

export function createSearchEngine(config: Pick<Config, 'meilisearchUrl' | 'meilisearchKey'>): SearchEngine {
  return config.meilisearchUrl
    ? connectMeilisearch(config.meilisearchUrl, config.meilisearchKey)
    : new EmbeddedSearchEngine();
}
