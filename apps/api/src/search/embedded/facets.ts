// Values of the filterable fields, interned per field as small integers and kept in columns by
// document number, so equality filters and facet counts read typed arrays, not documents.
import { fieldValue } from '../fields.js';
import type { SearchDocument } from '../port.js';
import type { Candidates } from './results.js';

const NONE = -1;
const MANY = -2;

function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

interface Column {
  ids: Map<string, number>;
  labels: string[];
  /** By document number: the value id, NONE, or MANY (then see `many`). */
  single: Int32Array;
  many: (Int32Array | undefined)[];
}

export class FieldValues {
  private readonly columns: Column[];
  private readonly positions: Map<string, number>;

  constructor(fields: string[]) {
    this.columns = fields.map(() => ({
      ids: new Map(),
      labels: [],
      single: new Int32Array(1024).fill(NONE),
      many: [],
    }));
    this.positions = new Map(fields.map((field, i) => [field, i]));
  }

  position(field: string): number | undefined {
    return this.positions.get(field);
  }

  set(num: number, doc: SearchDocument): void {
    for (const [field, position] of this.positions) {
      const column = this.columns[position]!;
      if (num >= column.single.length) {
        const grown = new Int32Array(Math.max(num + 1, column.single.length * 2)).fill(NONE);
        grown.set(column.single);
        column.single = grown;
      }
      const ids = this.encode(column, fieldValue(doc, field));
      column.single[num] = ids.length === 0 ? NONE : ids.length === 1 ? ids[0]! : MANY;
      column.many[num] = ids.length > 1 ? ids : undefined;
    }
  }

  /** Follows a compaction: `renumber[old]` is the new number, or -1 for a dropped document. */
  renumber(renumber: Int32Array, count: number): void {
    for (const column of this.columns) {
      const single = new Int32Array(Math.max(1024, count)).fill(NONE);
      const many: (Int32Array | undefined)[] = [];
      renumber.forEach((num, old) => {
        if (num < 0) return;
        single[num] = column.single[old]!;
        many[num] = column.many[old];
      });
      column.single = single;
      column.many = many;
    }
  }

  /** A test whether document `num` holds any of `values` in the field at `position`. */
  holdsAny(position: number, values: string[]): (num: number) => boolean {
    const column = this.columns[position]!;
    const wanted = new Uint8Array(column.labels.length);
    for (const value of values) {
      const id = column.ids.get(value);
      if (id !== undefined) wanted[id] = 1;
    }
    if (!wanted.includes(1)) return () => false;
    return (num) => {
      const id = column.single[num]!;
      if (id !== MANY) return id >= 0 && wanted[id] === 1;
      for (const each of column.many[num]!) if (wanted[each] === 1) return true;
      return false;
    };
  }

  /** value → number of candidates holding it. */
  count(position: number, candidates: Candidates): Record<string, number> {
    const column = this.columns[position]!;
    const counts = new Int32Array(column.labels.length);
    for (let c = 0; c < candidates.length; c++) {
      const num = candidates.nums[c]!;
      const id = column.single[num]!;
      if (id >= 0) counts[id]! += 1;
      else if (id === MANY) {
        const many = column.many[num]!;
        for (let j = 0; j < many.length; j++) counts[many[j]!]! += 1;
      }
    }
    const result: Record<string, number> = {};
    counts.forEach((count, id) => {
      if (count > 0) result[column.labels[id]!] = count;
    });
    return result;
  }

  private encode(column: Column, value: unknown): Int32Array {
    const ids = new Set<number>();
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || typeof item === 'object') continue;
      const key = valueKey(item);
      let id = column.ids.get(key);
      if (id === undefined) {
        id = column.labels.length;
        column.ids.set(key, id);
        column.labels.push(key);
      }
      ids.add(id);
    }
    return Int32Array.from(ids);
  }
}
