// Ranking on its own thread: a recompute of thousands of listings scores hundreds of candidates each, work
// that would otherwise hold the main thread's HTTP and PGlite. What the thread keeps is a projection of the
// index, so a thread that dies is replaced by an empty one and the indexer tells it every listing again.
import { ThreadClient } from '../../threads/client.js';
import type { Ranking } from './ranking.js';

type RankingMethod = Exclude<keyof Ranking, 'onLoss'>;

export class RankingThread implements Ranking {
  private readonly thread = new ThreadClient<RankingMethod>(
    new URL('./ranking-worker-entry.mjs', import.meta.url),
    'ranking worker',
    {
      failed: (_code, message) => new Error(message),
      unavailable: (reason) => new Error(reason),
      unsendable: (message) => new Error(message),
    },
  );

  onLoss(listener: () => void): void {
    this.thread.onLoss(listener);
  }

  indexed: Ranking['indexed'] = (...args) => this.thread.call('indexed', ...args);
  removed: Ranking['removed'] = (...args) => this.thread.call('removed', ...args);
  settled: Ranking['settled'] = () => this.thread.call('settled');
  queries: Ranking['queries'] = (...args) => this.thread.call('queries', ...args);
  rank: Ranking['rank'] = (...args) => this.thread.call('rank', ...args);
  scorePair: Ranking['scorePair'] = (...args) => this.thread.call('scorePair', ...args);
  corpusSize: Ranking['corpusSize'] = (...args) => this.thread.call('corpusSize', ...args);
}
