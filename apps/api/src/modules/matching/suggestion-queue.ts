// Recomputes suggestions for changed listings one at a time in the background, so a burst of writes
// (an import, say) never holds up requests; repeated changes of one listing collapse into one run.
import type { MatchingService } from './service.js';
import type { Side } from './term-stats.js';

interface Deps {
  matching: MatchingService;
  /** Brings the search index up to date first: candidates come from it. */
  settle: () => Promise<unknown>;
  log: { warn(details: object, message: string): void };
}

export function createSuggestionQueue({ matching, settle, log }: Deps) {
  const pending = new Map<string, Side>();
  let running: Promise<void> | null = null;
  let stopped = false;

  async function run() {
    while (pending.size > 0 && !stopped) {
      const [id, side] = pending.entries().next().value as [string, Side];
      pending.delete(id);
      // Yield first: requests queued behind this one go before the ranking work.
      await new Promise((resolve) => setImmediate(resolve));
      await settle().catch(() => undefined);
      await matching
        .refreshSuggestions(side, id)
        .catch((error) => log.warn({ err: error, id }, 'match suggestions failed'));
    }
    running = null;
  }

  return {
    enqueue(side: Side, id: string) {
      if (stopped) return;
      pending.set(id, side);
      running ??= run();
    },
    /** Listings waiting for their suggestions (the benchmark follows a recompute by it). */
    backlog: () => pending.size + (running ? 1 : 0),
    /** Resolves when nothing is waiting (tests). */
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

export type SuggestionQueue = ReturnType<typeof createSuggestionQueue>;
