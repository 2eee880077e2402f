// Recomputes suggestions for changed listings in batches in the background, so a burst of writes (an import,
// say) never holds up requests; repeated changes of one listing collapse into one run. A batch reads and
// writes the database a few times in all, not a few times per listing.
import type { MatchingService } from './service.js';
import type { Side } from './term-stats.js';

/**
 * Listings of one side per batch: enough to spread the database round trips, few enough that one batch's
 * writes (PGlite runs them on the event loop) and its lag before suggestions show stay short.
 */
const BATCH = 25;

interface Deps {
  matching: MatchingService;
  /** Brings the search index and the term statistics up to date first: candidates come from them. */
  settle: () => Promise<unknown>;
  /** Whether requests are being served: the recompute then ranks one listing at a time. */
  crowded: () => boolean;
  log: { warn(details: object, message: string): void };
}

export function createSuggestionQueue({ matching, settle, crowded, log }: Deps) {
  /** Listing id → its side, and whether to recompute even if its stored suggestions look current. */
  const pending = new Map<string, { side: Side; forced: boolean }>();
  let inFlight = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  function enqueue(side: Side, id: string, forced = false) {
    if (stopped) return;
    pending.set(id, { side, forced: forced || (pending.get(id)?.forced ?? false) });
    running ??= run();
  }

  /** Up to BATCH pending listings, all of the first one's side. */
  function take() {
    const ids: string[] = [];
    const forced = new Set<string>();
    let side: Side | undefined;
    for (const [id, entry] of pending) {
      side ??= entry.side;
      if (entry.side !== side) continue;
      ids.push(id);
      if (entry.forced) forced.add(id);
      pending.delete(id);
      if (ids.length === BATCH) break;
    }
    return { side: side!, ids, forced };
  }

  async function run() {
    while (pending.size > 0 && !stopped) {
      // Yield first: requests queued behind this one go before the ranking work.
      await new Promise((resolve) => setImmediate(resolve));
      await settle().catch(() => undefined);
      const { side, ids, forced } = take();
      inFlight = ids.length;
      const counterparts = await matching
        .refreshSuggestions(side, ids, forced, crowded)
        .catch((error) => (log.warn({ err: error, ids }, 'match suggestions failed'), []));
      inFlight = 0;
      for (const id of counterparts) enqueue(side === 'need' ? 'capability' : 'need', id, true);
    }
    running = null;
  }

  return {
    /** Recomputes the listing's suggestions unless those stored are current. */
    enqueue: (side: Side, id: string) => enqueue(side, id),
    /** Recomputes the listings whose organisation agreed a match since (past cooperation weighs in ranking). */
    async catchUpCooperation() {
      for (const side of ['need', 'capability'] as const)
        for (const id of await matching.behindCooperation(side)) enqueue(side, id, true);
    },
    /** Listings waiting for their suggestions (the benchmark follows a recompute by it). */
    backlog: () => pending.size + inFlight,
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
