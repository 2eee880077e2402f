// Values of the filterable fields, interned per field as small integers and kept in columns by
// document number, so equality filters and facet counts read typed arrays, not documents.
// A document with several values (a listing's fields with their parents) points into a per-column
// pool holding the count then the values; a replaced document's entry stays there until renumbering.
import { fieldValue } from '../fields.js';
import type { SearchDocument } from '../port.js';
import type { Candidates } from './results.js';
import { grown } from './grow.js';

const NONE = -1;
/** A cell below NONE encodes the pool offset of the document's values: -(offset + 2). */
const manyAt = (cell: number): number => -cell - 2;

function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

interface Column {
  ids: Map<string, number>;
  labels: string[];
  /** By document number: the value id, NONE, or where its values are in `pool`. */
  cells: Int32Array;
  pool: Int32Array;
  poolEnd: number;
}

function valuesAt(pool: Int32Array, cell: number): Int32Array {
  const at = manyAt(cell);
  return pool.subarray(at + 1, at + 1 + pool[at]!);
}

export class FieldValues {
  private readonly columns: Column[];
  private readonly positions: Map<string, number>;

  constructor(fields: string[]) {
    this.columns = fields.map(() => ({
      ids: new Map(),
      labels: [],
      cells: new Int32Array(1024).fill(NONE),
      pool: new Int32Array(1024),
      poolEnd: 0,
    }));
    this.positions = new Map(fields.map((field, i) => [field, i]));
  }

  position(field: string): number | undefined {
    return this.positions.get(field);
  }

  set(num: number, doc: SearchDocument): void {
    for (const [field, position] of this.positions) {
      const column = this.columns[position]!;
      if (num >= column.cells.length)
        column.cells = grown(column.cells, Math.max(num + 1, column.cells.length * 2), NONE);
      column.cells[num] = this.cell(column, this.encode(column, fieldValue(doc, field)));
    }
  }

  private cell(column: Column, ids: number[]): number {
    if (ids.length <= 1) return ids[0] ?? NONE;
    if (column.poolEnd + ids.length + 1 > column.pool.length)
      column.pool = grown(column.pool, Math.max(column.poolEnd + ids.length + 1, column.pool.length * 2));
    const at = column.poolEnd;
    column.pool[at] = ids.length;
    column.pool.set(ids, at + 1);
    column.poolEnd += ids.length + 1;
    return -(at + 2);
  }

  /** Follows a compaction: `renumber[old]` is the new number, or -1 for a dropped document. */
  renumber(renumber: Int32Array, count: number): void {
    for (const column of this.columns) {
      const { cells, pool } = column;
      column.cells = new Int32Array(Math.max(1024, count)).fill(NONE);
      column.pool = new Int32Array(1024);
      column.poolEnd = 0;
      renumber.forEach((num, old) => {
        if (num < 0) return;
        const cell = cells[old]!;
        column.cells[num] = cell >= NONE ? cell : this.cell(column, [...valuesAt(pool, cell)]);
      });
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
      const cell = column.cells[num]!;
      if (cell >= NONE) return cell >= 0 && wanted[cell] === 1;
      const { pool } = column;
      const at = manyAt(cell);
      for (let k = at + 1, end = at + 1 + pool[at]!; k < end; k++) if (wanted[pool[k]!] === 1) return true;
      return false;
    };
  }

  /** value → number of candidates holding it. */
  count(position: number, candidates: Candidates): Record<string, number> {
    const column = this.columns[position]!;
    const counts = new Int32Array(column.labels.length);
    const { cells, pool } = column;
    for (let c = 0; c < candidates.length; c++) {
      const cell = cells[candidates.nums[c]!]!;
      if (cell >= 0) counts[cell]! += 1;
      else if (cell < NONE) {
        const at = manyAt(cell);
        for (let k = at + 1, end = at + 1 + pool[at]!; k < end; k++) counts[pool[k]!]! += 1;
      }
    }
    const result: Record<string, number> = {};
    counts.forEach((count, id) => {
      if (count > 0) result[column.labels[id]!] = count;
    });
    return result;
  }

  private encode(column: Column, value: unknown): number[] {
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
    return [...ids];
  }
}
