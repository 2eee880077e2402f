// Figures (reports' indicators, list totals) kept per (query, arguments) and data version. The version (in
// report_data_version, bumped by a trigger in every transaction that writes a counted table) is read before the
// figure is computed: a write that commits meanwhile may already show in the figure kept, and moves the version on,
// so the next request computes anew. A figure is therefore never older than the data committed before the request
// that reads it. A figure that names the tables it reads is kept across writes to other tables.
import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/** Enough for every dashboard request, or every list filter, of a few dozen scopes; the oldest entries go first. */
const CAPACITY = 500;

export interface FigureCache {
  /**
   * The figure of `key`, computed by `compute` unless kept for the current version of `tables` (by default, of
   * every counted table).
   */
  get<T>(key: unknown[], compute: () => Promise<T>, tables?: string[]): Promise<T>;
}

export function createFigureCache(db: Executor): FigureCache {
  const kept = new Map<string, { version: string; value: Promise<unknown> }>();
  return {
    async get<T>(key: unknown[], compute: () => Promise<T>, tables?: string[]): Promise<T> {
      const result = (await db.execute(
        tables
          ? sql`select coalesce(sum(n), 0)::text as version from report_data_version
              where table_name = any(${`{${tables.join(',')}}`}::text[])`
          : sql`select coalesce(sum(n), 0)::text as version from report_data_version`,
      )) as unknown as { rows: { version: string }[] };
      const version = result.rows[0]!.version;
      const id = JSON.stringify(key);
      const entry = kept.get(id);
      if (entry?.version === version) return entry.value as Promise<T>;
      // Concurrent requests for the same figure share one computation; a failed one is not kept.
      const value = compute();
      kept.delete(id);
      kept.set(id, { version, value });
      if (kept.size > CAPACITY) kept.delete(kept.keys().next().value!);
      value.catch(() => {
        if (kept.get(id)?.value === value) kept.delete(id);
      });
      return value;
    },
  };
}

/** A `select count(*) as value …` not yet run. */
interface CountQuery extends PromiseLike<{ value: number }[]> {
  toSQL(): { sql: string; params: unknown[] };
}

export interface Totals {
  /** The exact count the query answers, computed or kept for the current data version. */
  of(query: CountQuery): Promise<number>;
}

/** The tables a query reads, as drizzle names them (quoted, after `from` or `join`, subqueries included). */
export function tablesRead(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:from|join)\s+"([a-z_]+)"/g)].map((m) => m[1]!))].sort();
}

/**
 * Exact totals of list pages: their count(*) costs more than the page itself, and between writes every reader of a
 * list asks the same one. Keyed by the query's SQL and parameters and kept until a table it reads is written, so
 * only for counts over tables the data-version trigger watches (migrations 0012, 0014, 0020) with conditions that
 * do not read the clock.
 */
export function createTotals(db: Executor): Totals {
  const cache = createFigureCache(db);
  return {
    of(query) {
      const { sql: text, params } = query.toSQL();
      return cache.get(['total', text, params], async () => (await query)[0]?.value ?? 0, tablesRead(text));
    },
  };
}
