// The search engine port: the one interface the API uses, whichever engine sits behind it.
// PostgreSQL is the truth; an index is a projection that can always be rebuilt from it.

/** A stored document: `id` is its key; other fields are strings, numbers, booleans or arrays of them. */
export interface SearchDocument {
  id: string;
  [field: string]: unknown;
}

export interface IndexSettings {
  /** Fields searched, most important first: a match in an earlier field ranks higher. */
  searchableAttributes: string[];
  /** Fields usable in filters and facets. */
  filterableAttributes: string[];
  sortableAttributes: string[];
  /** Groups of equivalent terms (e.g. from the field taxonomy); a query term matches its group-mates. */
  synonyms?: string[][];
  typoTolerance?: TypoTolerance;
}

export interface TypoTolerance {
  enabled: boolean;
  /** Shortest word allowed one typo (default 5) and two typos (default 9), as in Meilisearch. */
  minWordSizeForTypos?: { oneTypo: number; twoTypos: number };
}

export type FilterValue = string | number | boolean;

/** One condition on one field; an array field matches when any of its values does. */
export type FieldFilter =
  | { field: string; eq: FilterValue }
  | { field: string; in: FilterValue[] }
  | { field: string; range: { gt?: number; gte?: number; lt?: number; lte?: number } };

/** Filters in a list are ANDed; `anyOf` ORs conditions across fields (e.g. public OR owned by me). */
export type SearchFilter = FieldFilter | { anyOf: FieldFilter[] };

export interface SortClause {
  field: string;
  direction: 'asc' | 'desc';
}

export interface SearchQuery {
  /** Free text; empty or absent lists every document that passes the filters. */
  q?: string;
  filters?: SearchFilter[];
  /** Fields to count values of, over the whole filtered result set. */
  facets?: string[];
  /** Sort clauses before relevance; without any, best match first. */
  sort?: SortClause[];
  /** 1-based. */
  page?: number;
  /** At most 100. */
  pageSize?: number;
  /** Fields returned with matched terms wrapped in <mark>…</mark>. */
  highlight?: string[];
  /** Field cut down to a short excerpt around the first match, for `snippet`. */
  snippetField?: string;
  /**
   * The fields of each hit's `doc` (its id always comes): a caller that reads a few fields of many hits
   * asks for those, so the rest is not copied to it. All fields when absent.
   */
  fields?: string[];
  /**
   * 'all' (default): documents holding every query word (or, when none does, any of them), as a person expects.
   * 'any': every document holding any of the words, best first — for matching's long candidate queries.
   */
  matchingStrategy?: 'all' | 'any';
  /**
   * The words as written: no typo tolerance and no prefix on the last word, for queries made from a
   * document's own words (matching) rather than typed by a person. Meilisearch: each word is a phrase.
   */
  exactWords?: boolean;
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  id: string;
  /** Relevance, comparable only within one result. */
  score?: number;
  doc: D;
  /** HTML-escaped text with <mark>…</mark> around matches, per requested field; arrays joined by ', '. */
  highlights: Record<string, string>;
  /** HTML-escaped excerpt of `snippetField` with <mark>…</mark>; '' when none was asked for. */
  snippet: string;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  /** field → value → number of matching documents. */
  facets: Record<string, Record<string, number>>;
  total: number;
  tookMs: number;
}

export interface SearchHealth {
  ok: boolean;
  engine: 'embedded' | 'meilisearch';
  message?: string;
}

export interface SearchEngine {
  /** Creates the index if missing and applies the settings; idempotent. Call before writing documents. */
  ensureIndex(index: string, settings: IndexSettings): Promise<void>;
  /** Adds or replaces whole documents by id; searchable when the promise resolves. */
  upsert(index: string, docs: SearchDocument[]): Promise<void>;
  delete(index: string, ids: string[]): Promise<void>;
  search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: SearchQuery,
  ): Promise<SearchResult<D>>;
  /**
   * Exchanges the contents and settings of two existing indexes in one step, so a rebuild can fill
   * a fresh index and put it in place without a moment when searches see a partial one.
   */
  swap(indexA: string, indexB: string): Promise<void>;
  /** Removes every document, keeping the settings. */
  clear(index: string): Promise<void>;
  /** Removes the index; no error when it does not exist. */
  drop(index: string): Promise<void>;
  count(index: string): Promise<number>;
  /** Never throws: an unreachable engine answers ok: false. */
  health(): Promise<SearchHealth>;
  /**
   * For an engine that can lose its documents while the process runs (the embedded engine's worker restarting
   * after a crash): `listener` is called once it is back, empty, so the indexes can be rebuilt.
   */
  onLoss?(listener: () => void): void;
}

export type SearchErrorCode = 'index_not_found' | 'invalid_query' | 'unavailable' | 'task_failed';

export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}

/** Matching takes its candidates a few hundred at a time; people page by 20. */
export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 20;
