// Filters, facet counts and ordering over candidate documents, with Meilisearch's semantics:
// values compare as strings for equality, array fields match when any element does.
// Candidates live in parallel typed arrays so a 50,000-document browse allocates almost nothing.
import { fieldValue } from '../fields.js';
import { SearchError, type FieldFilter, type SearchDocument, type SearchFilter, type SortClause } from '../port.js';

export type Predicate = (doc: SearchDocument) => boolean;

export interface Candidates {
  nums: Int32Array;
  scores: Float64Array;
  /** Query slots each candidate matched. */
  matched: Uint16Array;
  length: number;
}

function requireField(allowed: ReadonlySet<string>, field: string, what: string): void {
  if (!allowed.has(field)) throw new SearchError('invalid_query', `"${field}" is not ${what}`);
}

function asKey(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** Whether the field holds a value passing `test`; an array field holds each of its elements. */
function holding(field: string, test: (value: unknown) => boolean): Predicate {
  const read = field.includes('.') ? (doc: SearchDocument) => fieldValue(doc, field) : (doc: SearchDocument) => doc[field];
  return (doc) => {
    const value = read(doc);
    if (!Array.isArray(value)) return value !== undefined && value !== null && test(value);
    for (const item of value) if (test(item)) return true;
    return false;
  };
}

function compileField(filter: FieldFilter, filterable: ReadonlySet<string>): Predicate {
  const { field } = filter;
  requireField(filterable, field, 'filterable');
  if ('eq' in filter) {
    const wanted = String(filter.eq);
    return holding(field, (value) => asKey(value) === wanted);
  }
  if ('in' in filter) {
    const wanted = new Set(filter.in.map(String));
    return holding(field, (value) => wanted.has(asKey(value)));
  }
  const { gt, gte, lt, lte } = filter.range;
  if (gt === undefined && gte === undefined && lt === undefined && lte === undefined) {
    throw new SearchError('invalid_query', `The range on "${field}" has no bound`);
  }
  return holding(field, (value) => {
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

/** Keeps the candidates whose document passes, in place. */
export function keepAccepted(candidates: Candidates, docs: (SearchDocument | undefined)[], accept: Predicate): void {
  const { nums, scores, matched } = candidates;
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) {
    if (!accept(docs[nums[i]!]!)) continue;
    nums[kept] = nums[i]!;
    scores[kept] = scores[i]!;
    matched[kept] = matched[i]!;
    kept += 1;
  }
  candidates.length = kept;
}

export function countFacets(
  candidates: Candidates,
  docs: (SearchDocument | undefined)[],
  facets: string[],
  filterable: ReadonlySet<string>,
): Record<string, Record<string, number>> {
  for (const field of facets) requireField(filterable, field, 'filterable, so it cannot be a facet');
  return Object.fromEntries(
    facets.map((field) => {
      const counts = new Map<string, number>();
      const add = (value: unknown): void => {
        const key = asKey(value);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      };
      for (let i = 0; i < candidates.length; i++) {
        const value = fieldValue(docs[candidates.nums[i]!], field);
        if (value === undefined || value === null) continue;
        // A value repeated inside one document counts that document once.
        if (Array.isArray(value)) for (const item of new Set(value)) add(item);
        else add(value);
      }
      return [field, Object.fromEntries(counts)];
    }),
  );
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Positions (into `candidates`) of the first `k` in order: sort clauses first, then more slots
 * matched, then relevance, then insertion order.
 */
export function firstInOrder(
  candidates: Candidates,
  docs: (SearchDocument | undefined)[],
  sort: SortClause[],
  sortable: ReadonlySet<string>,
  k: number,
): number[] {
  for (const clause of sort) requireField(sortable, clause.field, 'sortable');
  const { nums, scores, matched } = candidates;
  // Sort keys are read once per candidate, not at every comparison.
  const keys = sort.map((clause) =>
    Array.from({ length: candidates.length }, (_, i) => {
      const value = fieldValue(docs[nums[i]!], clause.field);
      const first: unknown = Array.isArray(value) ? value[0] : value;
      return first === null ? undefined : first;
    }),
  );
  const descending = sort.map((clause) => clause.direction === 'desc');
  const order = (a: number, b: number): number => {
    for (let c = 0; c < keys.length; c++) {
      const [x, y] = [keys[c]![a], keys[c]![b]];
      const result = compareValues(x, y);
      // Documents without the field go last either way.
      if (result !== 0) return x === undefined || y === undefined || !descending[c] ? result : -result;
    }
    return matched[b]! - matched[a]! || scores[b]! - scores[a]! || nums[a]! - nums[b]!;
  };
  return firstK(Array.from({ length: candidates.length }, (_, i) => i), k, order);
}

/** The first `k` items in order, without sorting everything when k is small. */
export function firstK<T>(items: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return items.sort(order).slice(0, k);
  // Max-heap of the best k so far: its root is the worst kept item.
  const heap: T[] = [];
  const swap = (i: number, j: number): void => {
    const item = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = item;
  };
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (order(heap[i]!, heap[parent]!) <= 0) return;
      swap(i, parent);
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
      swap(i, worst);
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
