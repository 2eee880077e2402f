import { describe } from 'vitest';
import { searchEngineContract } from './contract.js';
import { WorkerSearchEngine } from './embedded-worker.js';

describe('embedded search engine on a worker thread', () => {
  // One worker for the suite: each test uses its own indexes, as against a Meilisearch server.
  const engine = new WorkerSearchEngine();
  searchEngineContract(() => engine);
});
