// The embedded engine's thread (see embedded-worker.ts): answers each request from the parent by calling
// the same engine the in-process adapter uses, so results are identical whichever runs it.
import { parentPort } from 'node:worker_threads';
import { EmbeddedSearchEngine } from '../embedded.js';
import { SearchError, type SearchEngine } from '../port.js';

export type EngineMethod = Exclude<keyof SearchEngine, 'onLoss'>;

export interface EngineRequest {
  id: number;
  method: EngineMethod;
  args: unknown[];
}

export type EngineReply =
  | { id: number; result: unknown }
  | { id: number; error: { code: SearchError['code'] | null; message: string } };

const engine = new EmbeddedSearchEngine();
const port = parentPort!;
// When the process allows explicit collection (the benchmark does, to report settled memory), a dropped index
// is collected here at once: the main thread's collection, which did it in process, does not reach this heap.
const collect = (globalThis as { gc?: () => void }).gc;

port.on('message', ({ id, method, args }: EngineRequest) => {
  // Requests run concurrently, as they do in process: a large upsert yields between slices to searches.
  (engine[method] as (...args: unknown[]) => Promise<unknown>)
    .apply(engine, args)
    .then(
      (result): EngineReply => ({ id, result }),
      (error: Error): EngineReply => ({
        id,
        error: { code: error instanceof SearchError ? error.code : null, message: error.message },
      }),
    )
    .then((reply) => {
      port.postMessage(reply);
      if (method === 'drop') collect?.();
    });
});
