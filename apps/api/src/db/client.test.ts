// allOf awaits queries at once on the database and one after another in a transaction, whose one connection
// `pg` would otherwise have to queue them on (deprecated, and removed in pg 9).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import { allOf, type DatabaseHandle } from './client.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Lazy like drizzle's queries: each starts when awaited, and the log says when it started and ended. */
function recorder() {
  const log: string[] = [];
  const query = (name: string, ms: number): PromiseLike<string> => ({
    then(resolve, reject) {
      log.push(`start ${name}`);
      return new Promise((done) => setTimeout(done, ms))
        .then(() => {
          log.push(`end ${name}`);
          return name;
        })
        .then(resolve, reject);
    },
  });
  return { log, query };
}

describe('allOf', () => {
  it('runs queries one after another inside a transaction, answering each in its place', async () => {
    const { log, query } = recorder();
    const answers = await database.db.transaction((tx) => allOf(tx, [query('a', 20), query('b', 1), []]));
    expect(answers).toEqual(['a', 'b', []]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs them at once outside a transaction', async () => {
    const { log, query } = recorder();
    expect(await allOf(database.db, [query('a', 20), query('b', 1)])).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });

  it('answers real queries in a transaction without the driver warning of queued queries', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    const numbers = await database.db.transaction((tx) =>
      allOf(
        tx,
        [1, 2, 3].map((n) => tx.execute(sql`select ${n}::int as n`)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('warning', listen);
    expect(numbers.map((answer) => (answer as unknown as { rows: { n: number }[] }).rows[0]!.n)).toEqual([
      1, 2, 3,
    ]);
    expect(warnings.filter((message) => message.includes('already executing'))).toEqual([]);
  });
});
