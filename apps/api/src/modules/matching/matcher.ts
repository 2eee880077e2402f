// Finds candidates through the search engine with short queries of distinctive terms, then re-ranks them on
// the whole text and the structured features. The search runs wherever the engine does; the ranking wherever
// `ranking` does (its own thread in the app), so only ids and the kept few cross between them.
import { INDEX_OF } from '../../search/indexes.js';
import type { SearchEngine, SearchFilter } from '../../search/port.js';
import type { MatchSubject, RankedCandidate } from './ranker.js';
import type { Ranking } from './ranking.js';
import type { Side } from './term-stats.js';

const HITS_PER_QUERY = 200;

export interface MatchRequest {
  subject: MatchSubject;
  side: Side;
  /** Who may be suggested (visibility, status) — applied by the engine. */
  filters: SearchFilter[];
  limit: number;
  pastCooperation?: Map<string, number>;
}

export function createMatcher({ engine, ranking }: { engine: SearchEngine; ranking: Ranking }) {
  return {
    async rank(request: MatchRequest): Promise<RankedCandidate[]> {
      const { subject, side } = request;
      const targetIndex = INDEX_OF[side === 'need' ? 'capability' : 'need'];
      const queries = await ranking.queries(subject, side);
      const results = await Promise.all(
        queries.map((words) =>
          engine.search(targetIndex, {
            q: words.join(' '),
            filters: request.filters,
            pageSize: HITS_PER_QUERY,
            // The ranking keeps what it reads of every indexed listing: only the ids are needed.
            fields: ['id'],
            matchingStrategy: 'any',
            // The words come from a listing: taken as written, not as a person's typing.
            exactWords: true,
          }),
        ),
      );
      const ids = new Set(results.flatMap((result) => result.hits.map((hit) => hit.id)));
      ids.delete(subject.id);
      return ranking.rank(subject, side, [...ids], request.pastCooperation ?? new Map(), request.limit);
    },

    corpusSize: (side: Side) => ranking.corpusSize(side),

    /** One pair's score and reasons, as ranking would give them. */
    scorePair: (
      subject: MatchSubject,
      side: Side,
      candidate: MatchSubject,
      pastCooperation: Map<string, number>,
    ) => ranking.scorePair(subject, side, candidate, pastCooperation),
  };
}

export type Matcher = ReturnType<typeof createMatcher>;
