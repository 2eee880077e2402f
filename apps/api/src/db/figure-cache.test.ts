// A figure is computed anew after a write to a table it reads, and kept across writes to other tables.
import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import type { DatabaseHandle } from './client.js';
import { createFigureCache, tablesRead } from './figure-cache.js';
import { agreementParties, agreements } from './schema/index.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// A statement-level trigger fires even when no row matches: each of these is a committed write to the table.
const touch = (table: 'needs' | 'agreements') =>
  database.db.execute(sql.raw(`update "${table}" set "title" = "title" where false`));

describe('the figure cache', () => {
  it('keeps a figure across writes to tables it does not read, and recomputes it after one it reads', async () => {
    const cache = createFigureCache(database.db);
    let runs = 0;
    const figure = () => cache.get(['agreements total'], async () => ++runs, ['agreements']);
    expect(await figure()).toBe(1);
    expect(await figure()).toBe(1);
    await touch('needs');
    expect(await figure()).toBe(1);
    await touch('agreements');
    expect(await figure()).toBe(2);
  });

  it('recomputes a figure that names no tables after a write to any counted table', async () => {
    const cache = createFigureCache(database.db);
    let runs = 0;
    const figure = () => cache.get(['dashboard'], async () => ++runs);
    expect(await figure()).toBe(1);
    await touch('needs');
    expect(await figure()).toBe(2);
  });

  it('finds every table a count reads, its subqueries’ included', () => {
    const { db } = database;
    const query = db
      .select({ value: count() })
      .from(agreements)
      .where(
        inArray(
          agreements.id,
          db
            .select({ id: agreementParties.agreementId })
            .from(agreementParties)
            .where(eq(agreementParties.position, 1)),
        ),
      );
    expect(tablesRead(query.toSQL().sql)).toEqual(['agreement_parties', 'agreements']);
  });
});
