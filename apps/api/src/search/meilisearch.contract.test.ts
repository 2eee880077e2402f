import { describe } from 'vitest';
import { searchEngineContract } from './contract.js';
import { connectMeilisearch } from './meilisearch.js';

/** Runs against a real server only when one is named, e.g. MEILISEARCH_URL=http://127.0.0.1:7700. */
function meilisearchServer(): { url: string; key: string | undefined } | undefined {
  const url = process.env.MEILISEARCH_URL;
  return url ? { url, key: process.env.MEILISEARCH_KEY } : undefined;
}

const server = meilisearchServer();

(server ? describe : describe.skip)('Meilisearch search engine', () => {
  searchEngineContract(() => connectMeilisearch(server!.url, server!.key));
});
