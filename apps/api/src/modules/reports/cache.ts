// Report figures kept per (query, arguments) and data version. The version (report_data_version, bumped by a
// trigger in every transaction that writes a counted table) is read before the figure is computed: a write that
// commits meanwhile may already show in the figure kept, and moves the version on, so the next request computes
// anew. A figure is therefore never older than the data committed before the request that reads it.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/** Enough for every dashboard request of a few dozen scopes and periods; the oldest entries go first. */
const CAPACITY = 500;

export interface FigureCache {
  /** The figure of `key`, computed by `compute` unless kept for the current data version. */
  get<T>(key: unknown[], compute: () => Promise<T>): Promise<T>;
}

export function createFigureCache(db: Executor): FigureCache {
  const kept = new Map<string, { version: string; value: Promise<unknown> }>();
  return {
    async get<T>(key: unknown[], compute: () => Promise<T>): Promise<T> {
      const result = (await db.execute(
        sql`select coalesce(sum(n), 0)::text as version from report_data_version`,
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
