// Filters, facet counts and ordering over candidate documents, with Meilisearch's semantics:
// values compare as strings for equality, array fields match when any element does.
// Candidates live in parallel typed arrays so a 50,000-document browse allocates almost nothing.
import { fieldValue } from '../fields.js';
import {
  SearchError,
  type FieldFilter,
  type SearchDocument,
  type SearchFilter,
  type SortClause,
} from '../port.js';
import type { FieldValues } from './facets.js';

export type Predicate = (num: number, doc: SearchDocument) => boolean;

export interface Candidates {
  nums: Int32Array;
  scores: Float64Array;
  /** Query slots each candidate matched. */
  matched: Uint16Array;
  length: number;
}

function inRange(field: string, range: { gt?: number; gte?: number; lt?: number; lte?: number }): Predicate {
  const { gt, gte, lt, lte } = range;
  if (gt === undefined && gte === undefined && lt === undefined && lte === undefined) {
    throw new SearchError('invalid_query', `The range on "${field}" has no bound`);
  }
  const test = (value: unknown): boolean => {
    const n = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || value === '' || !Number.isFinite(n)) return false;
    return (
      (gt === undefined || n > gt) &&
      (gte === undefined || n >= gte) &&
      (lt === undefined || n < lt) &&
      (lte === undefined || n <= lte)
    );
  };
  return (_num, doc) => {
    const value = fieldValue(doc, field);
    return Array.isArray(value) ? value.some(test) : value !== undefined && value !== null && test(value);
  };
}

function compileField(filter: FieldFilter, values: FieldValues): Predicate {
  const position = values.position(filter.field);
  if (position === undefined) throw new SearchError('invalid_query', `"${filter.field}" is not filterable`);
  if ('eq' in filter) return values.holdsAny(position, [String(filter.eq)]);
  if ('in' in filter) return values.holdsAny(position, filter.in.map(String));
  return inRange(filter.field, filter.range);
}

/** All filters must hold; inside `anyOf`, one is enough. */
export function compileFilters(filters: SearchFilter[], values: FieldValues): Predicate | undefined {
  if (filters.length === 0) return undefined;
  const predicates = filters.map((filter): Predicate => {
    if (!('anyOf' in filter)) return compileField(filter, values);
    const options = filter.anyOf.map((option) => compileField(option, values));
    return (num, doc) => {
      for (const option of options) if (option(num, doc)) return true;
      return false;
    };
  });
  if (predicates.length === 1) return predicates[0];
  return (num, doc) => {
    for (const predicate of predicates) if (!predicate(num, doc)) return false;
    return true;
  };
}

/** Keeps the candidates whose document passes, in place. */
export function keepAccepted(
  candidates: Candidates,
  docs: (SearchDocument | undefined)[],
  accept: Predicate,
): void {
  const { nums, scores, matched } = candidates;
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) {
    if (!accept(nums[i]!, docs[nums[i]!]!)) continue;
    nums[kept] = nums[i]!;
    scores[kept] = scores[i]!;
    matched[kept] = matched[i]!;
    kept += 1;
  }
  candidates.length = kept;
}

export function countFacets(
  candidates: Candidates,
  facets: string[],
  values: FieldValues,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    facets.map((field) => {
      const position = values.position(field);
      if (position === undefined)
        throw new SearchError('invalid_query', `"${field}" is not filterable, so it cannot be a facet`);
      return [field, values.count(position, candidates)];
    }),
  );
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = String(a);
  const y = String(b);
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
  for (const clause of sort) {
    if (!sortable.has(clause.field))
      throw new SearchError('invalid_query', `"${clause.field}" is not sortable`);
  }
  const { nums, scores, matched, length } = candidates;
  const byRelevance = (a: number, b: number): number =>
    matched[b]! - matched[a]! || scores[b]! - scores[a]! || nums[a]! - nums[b]!;
  if (sort.length === 0) {
    // Listing without a query: candidates are already in insertion order.
    if (scores.every((score) => score === 0)) return Array.from({ length: Math.min(k, length) }, (_, i) => i);
    const relevance = new Float64Array(length);
    for (let i = 0; i < length; i++) relevance[i] = -(matched[i]! * 1e7 + scores[i]!);
    return firstByKey(relevance, k, byRelevance);
  }
  // Sort keys are read once per candidate, not at every comparison.
  const keys = sort.map(({ field }) => {
    const read = field.includes('.')
      ? (doc: SearchDocument) => fieldValue(doc, field)
      : (doc: SearchDocument) => doc[field];
    const column: unknown[] = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const value = read(docs[nums[i]!]!);
      const first: unknown = Array.isArray(value) ? value[0] : value;
      column[i] = first === null ? undefined : first;
    }
    return column;
  });
  const numeric = keys.length === 1 ? numericKeys(keys[0]!, sort[0]!.direction === 'desc') : undefined;
  if (numeric) return firstByKey(numeric, k, byRelevance);
  const descending = sort.map((clause) => clause.direction === 'desc');
  const positions = Array.from({ length }, (_, i) => i);
  return firstK(positions, k, (a, b) => {
    for (let c = 0; c < keys.length; c++) {
      const x = keys[c]![a];
      const y = keys[c]![b];
      const result = compareValues(x, y);
      // Documents without the field go last either way.
      if (result !== 0) return x === undefined || y === undefined || !descending[c] ? result : -result;
    }
    return byRelevance(a, b);
  });
}

/**
 * Positions of the `k` smallest keys, ties broken by `tiebreak`: a linear-time selection of the
 * k-th key, then ordering only the positions at or below it.
 */
function firstByKey(key: Float64Array, k: number, tiebreak: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  const threshold = k >= key.length ? Infinity : kthSmallest(key.slice(), k - 1);
  const chosen: number[] = [];
  for (let i = 0; i < key.length; i++) if (key[i]! <= threshold) chosen.push(i);
  return firstK(chosen, k, (a, b) => key[a]! - key[b]! || tiebreak(a, b));
}

/** The value that would stand at `rank` if `values` were sorted (reorders `values`). */
function kthSmallest(values: Float64Array, rank: number): number {
  let [low, high] = [0, values.length - 1];
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let [i, j] = [low, high];
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i++;
        j--;
      }
    }
    if (rank <= j) high = j;
    else if (rank >= i) low = i;
    else return values[rank]!;
  }
  return values[rank]!;
}

/** Keys as numbers ordered ascending (negated for descending, missing last), or undefined if not all numbers. */
function numericKeys(column: unknown[], descending: boolean): Float64Array | undefined {
  const keys = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value === undefined) keys[i] = Infinity;
    else if (typeof value === 'number' && Number.isFinite(value)) keys[i] = descending ? -value : value;
    else return undefined;
  }
  return keys;
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
      const l = 2 * i + 1;
      const r = l + 1;
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
