// The embedded engine's thread (see embedded-worker.ts): the same engine the in-process adapter uses.
import { serveOnThread } from '../../threads/host.js';
import { EmbeddedSearchEngine } from '../embedded.js';
import { SearchError } from '../port.js';

// When the process allows explicit collection (the benchmark does, to report settled memory), a dropped index
// is collected here at once: the main thread's collection, which did it in process, does not reach this heap.
const collect = (globalThis as { gc?: () => void }).gc;

serveOnThread(new EmbeddedSearchEngine(), {
  codeOf: (error) => (error instanceof SearchError ? error.code : null),
  answered: (method) => {
    if (method === 'drop') collect?.();
  },
});
