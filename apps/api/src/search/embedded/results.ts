// Filters, facet counts and ordering over candidate documents, with Meilisearch's semantics:
// values compare as strings for equality, array fields match when any element does.
import { fieldValue } from '../fields.js';
import { SearchError, type FieldFilter, type SearchDocument, type SearchFilter, type SortClause } from '../port.js';

export type Predicate = (doc: SearchDocument) => boolean;

/** Whether the field holds a value satisfying `test`; array fields hold each of their elements. */
function holds(doc: SearchDocument, field: string, test: (value: unknown) => boolean): boolean {
  const value = fieldValue(doc, field);
  if (Array.isArray(value)) return value.some(test);
  return value !== undefined && value !== null && test(value);
}

function asKey(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function firstValue(doc: SearchDocument, field: string): unknown {
  const value = fieldValue(doc, field);
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first === null ? undefined : first;
}

function requireField(allowed: ReadonlySet<string>, field: string, what: string): void {
  if (!allowed.has(field)) throw new SearchError('invalid_query', `"${field}" is not ${what}`);
}

function compileField(filter: FieldFilter, filterable: ReadonlySet<string>): Predicate {
  const { field } = filter;
  requireField(filterable, field, 'filterable');
  if ('eq' in filter) {
    const wanted = String(filter.eq);
    return (doc) => holds(doc, field, (value) => asKey(value) === wanted);
  }
  if ('in' in filter) {
    const wanted = new Set(filter.in.map(String));
    return (doc) => holds(doc, field, (value) => wanted.has(asKey(value)));
  }
  const { gt, gte, lt, lte } = filter.range;
  if (gt === undefined && gte === undefined && lt === undefined && lte === undefined) {
    throw new SearchError('invalid_query', `The range on "${field}" has no bound`);
  }
  return (doc) =>
    holds(doc, field, (value) => {
      const n = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || value === '' || !Number.isFinite(n)) return false;
      return (gt === undefined || n > gt) && (gte === undefined || n >= gte) && (lt === undefined || n < lt) && (lte === undefined || n <= lte);
    });
}

/** All filters must hold; inside `anyOf`, one is enough. */
export function compileFilters(filters: SearchFilter[], filterable: ReadonlySet<string>): Predicate | undefined {
  if (filters.length === 0) return undefined;
  const predicates = filters.map((filter): Predicate => {
    if (!('anyOf' in filter)) return compileField(filter, filterable);
    const options = filter.anyOf.map((option) => compileField(option, filterable));
    return (doc) => options.some((option) => option(doc));
  });
  if (predicates.length === 1) return predicates[0];
  return (doc) => {
    for (const predicate of predicates) if (!predicate(doc)) return false;
    return true;
  };
}

export function countFacets(
  docs: Iterable<SearchDocument>,
  facets: string[],
  filterable: ReadonlySet<string>,
): Record<string, Record<string, number>> {
  for (const field of facets) requireField(filterable, field, 'filterable, so it cannot be a facet');
  const counts = facets.map(() => new Map<string, number>());
  const add = (count: Map<string, number>, value: unknown): void => {
    const key = asKey(value);
    count.set(key, (count.get(key) ?? 0) + 1);
  };
  for (const doc of docs) {
    for (let i = 0; i < facets.length; i++) {
      const value = fieldValue(doc, facets[i]!);
      if (value === undefined || value === null) continue;
      // A value repeated inside one document counts that document once.
      if (Array.isArray(value)) for (const item of new Set(value)) add(counts[i]!, item);
      else add(counts[i]!, value);
    }
  }
  return Object.fromEntries(facets.map((field, i) => [field, Object.fromEntries(counts[i]!)]));
}

export interface Ranked {
  num: number;
  doc: SearchDocument;
  score: number;
  matched: number;
  /** Values of the sort fields, read once rather than at every comparison. */
  keys?: unknown[];
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface RankingOrder {
  /** Reads the sort keys into the entry; call once per entry before comparing. */
  prepare(entry: Ranked): void;
  /** Sort clauses first, then more slots matched, then relevance, then insertion order. */
  compare(a: Ranked, b: Ranked): number;
}

export function rankingOrder(sort: SortClause[], sortable: ReadonlySet<string>): RankingOrder {
  for (const clause of sort) requireField(sortable, clause.field, 'sortable');
  const descending = sort.map((clause) => clause.direction === 'desc');
  return {
    prepare(entry) {
      if (sort.length > 0) entry.keys = sort.map((clause) => firstValue(entry.doc, clause.field));
    },
    compare(a, b) {
      for (let i = 0; i < descending.length; i++) {
        const [x, y] = [a.keys![i], b.keys![i]];
        const order = compareValues(x, y);
        // Documents without the field go last either way.
        if (order !== 0) return x === undefined || y === undefined || !descending[i] ? order : -order;
      }
      return b.matched - a.matched || b.score - a.score || a.num - b.num;
    },
  };
}

/** The first `k` items in order, without sorting everything when k is small. */
export function firstK<T>(items: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return items.sort(order).slice(0, k);
  // Max-heap of the best k so far: its root is the worst kept item.
  const heap: T[] = [];
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (order(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let worst = i;
      if (l < heap.length && order(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && order(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (order(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}
