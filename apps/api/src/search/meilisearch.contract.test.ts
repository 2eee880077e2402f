import { describe } from 'vitest';
import { testMeilisearch } from '../config.js';
import { searchEngineContract } from './contract.js';
import { connectMeilisearch } from './meilisearch.js';

/** Runs against a real server only when one is named, e.g. MEILISEARCH_URL=http://127.0.0.1:7700. */
const server = testMeilisearch();

(server ? describe : describe.skip)('Meilisearch search engine', () => {
  searchEngineContract(() => connectMeilisearch(server!.url, server!.key));
});
