import { describe } from 'vitest';
import { searchEngineContract } from './contract.js';
import { EmbeddedSearchEngine } from './embedded.js';

describe('embedded search engine', () => {
  searchEngineContract(() => new EmbeddedSearchEngine());
});
