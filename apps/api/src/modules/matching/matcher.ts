// Finds candidates through the search engine with short queries of distinctive terms (Meilisearch reads only
// the first 10 words of a query), then re-ranks them on the whole text and the structured features.
import { INDEX_OF, type ListingDocument } from '../../search/indexes.js';
import type { SearchEngine, SearchFilter } from '../../search/port.js';
import { distinctiveTerms, prepareSource, rank, type MatchSubject, type RankedCandidate } from './ranker.js';
import type { Side, TermStats } from './term-stats.js';

const QUERY_WORDS = 10;
const HITS_PER_QUERY = 200;
/** What toSubject reads: hundreds of candidates a ranking come without the rest of their documents. */
const SUBJECT_FIELDS: (keyof MatchSubject)[] = [
  'title',
  'description',
  'keywords',
  'fields',
  'cooperationTypes',
  'regionCode',
  'orgId',
  'designations',
];

export interface MatchRequest {
  subject: MatchSubject;
  side: Side;
  /** Who may be suggested (visibility, status) — applied by the engine. */
  filters: SearchFilter[];
  limit: number;
  pastCooperation?: Map<string, number>;
}

export function toSubject(doc: ListingDocument): MatchSubject {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    keywords: doc.keywords,
    fields: doc.fields,
    cooperationTypes: doc.cooperationTypes,
    regionCode: doc.regionCode,
    orgId: doc.orgId,
    designations: doc.designations,
  };
}

export function createMatcher({ engine, stats }: { engine: SearchEngine; stats: TermStats }) {
  return {
    async rank(
      request: MatchRequest,
    ): Promise<{ ranked: RankedCandidate[]; docs: Map<string, MatchSubject> }> {
      const source = prepareSource(request.subject, request.side, stats);
      const targetIndex = INDEX_OF[request.side === 'need' ? 'capability' : 'need'];
      const queries = [
        distinctiveTerms(source, stats, QUERY_WORDS),
        distinctiveTerms(source, stats, QUERY_WORDS, QUERY_WORDS),
        distinctiveTerms(source, stats, QUERY_WORDS, 2 * QUERY_WORDS),
      ].filter((words) => words.length > 0);
      const docs = new Map<string, MatchSubject>();
      const results = await Promise.all(
        queries.map((words) =>
          engine.search<ListingDocument>(targetIndex, {
            q: words.join(' '),
            filters: request.filters,
            pageSize: HITS_PER_QUERY,
            fields: SUBJECT_FIELDS,
            matchingStrategy: 'any',
            // The words come from a listing: taken as written, not as a person's typing.
            exactWords: true,
          }),
        ),
      );
      for (const result of results) for (const hit of result.hits) docs.set(hit.id, toSubject(hit.doc));
      docs.delete(request.subject.id);
      const ranked = rank(
        source,
        [...docs.values()],
        stats,
        request.pastCooperation ?? new Map(),
        request.limit,
      );
      return { ranked, docs };
    },

    /** How many listings a listing of this side is ranked against (rarity weights follow it). */
    corpusSize: (side: Side) => stats.of(side === 'need' ? 'capability' : 'need').size(),

    /** One pair's score and reasons, as ranking would give them. */
    scorePair(
      subject: MatchSubject,
      side: Side,
      candidate: MatchSubject,
      pastCooperation: Map<string, number>,
    ) {
      return rank(prepareSource(subject, side, stats), [candidate], stats, pastCooperation)[0]!;
    },
  };
}

export type Matcher = ReturnType<typeof createMatcher>;
