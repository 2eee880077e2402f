// Named statements on PGlite answer exactly what PGlite's own query answers, and a failing query leaves the
// session usable.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNamedStatements } from './pglite-statements.js';

let plain: PGlite;
let named: PGlite;

beforeAll(async () => {
  plain = new PGlite();
  named = withNamedStatements(plain);
  await plain.exec(`create table t (id uuid primary key, at timestamptz, doc jsonb, tags text[], n bigint, ok boolean);
    insert into t values ('7214ed1b-dd42-426d-b78c-eeb0cba55d53', '2026-12-04T10:00:00Z', '{"a":[1,2]}', '{x,y}', 9007199254740991, true),
      ('11a457e4-b9fe-47c9-8912-6d9b9a35990b', null, null, '{}', null, false)`);
});
afterAll(() => plain.close());

const SELECT = 'select * from t where id = $1 or ok = $2 order by id';

describe('named statements on PGlite', () => {
  it('answer each run as the unnamed statement does, typed values and nulls alike', async () => {
    const expected = await plain.query(SELECT, ['7214ed1b-dd42-426d-b78c-eeb0cba55d53', false]);
    expect(expected.rows).toHaveLength(2);
    for (let run = 0; run < 6; run++) {
      const answer = await named.query(SELECT, ['7214ed1b-dd42-426d-b78c-eeb0cba55d53', false]);
      expect(answer.rows).toEqual(expected.rows);
      expect(answer.fields).toEqual(expected.fields);
    }
    const arrays = await named.query(SELECT, ['7214ed1b-dd42-426d-b78c-eeb0cba55d53', null], {
      rowMode: 'array',
    });
    expect(arrays.rows).toEqual([
      [expect.any(String), expect.any(Date), { a: [1, 2] }, ['x', 'y'], 9007199254740991, true],
    ]);
  });

  it('throw the database error for a bad value and keep answering afterwards', async () => {
    for (let run = 0; run < 4; run++) await named.query('select id from t where id = $1', [null]);
    await expect(named.query('select id from t where id = $1', ['not-a-uuid'])).rejects.toMatchObject({
      code: '22P02',
    });
    const after = await named.query<{ id: string }>('select id from t where id = $1', [
      '11a457e4-b9fe-47c9-8912-6d9b9a35990b',
    ]);
    expect(after.rows).toEqual([{ id: '11a457e4-b9fe-47c9-8912-6d9b9a35990b' }]);
  });

  it('count a write once and see it in the next read', async () => {
    for (let run = 0; run < 4; run++) {
      const written = await named.query('update t set n = coalesce(n, 0) + $1 where ok = $2', [1, false]);
      expect(written.affectedRows).toBe(1);
    }
    const read = await named.query<{ n: number }>('select n from t where ok = $1', [false]);
    expect(read.rows).toEqual([{ n: 4 }]);
  });

  it('keep answering when more texts run than statements are kept', async () => {
    for (let text = 0; text < 230; text++)
      for (let run = 0; run < 3; run++) {
        const answer = await named.query<{ k: number }>(`select $1::int + ${text} as k`, [run]);
        expect(answer.rows).toEqual([{ k: run + text }]);
      }
    const kept = await plain.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    expect(kept.rows[0]!.n).toBeLessThanOrEqual(200);
  });
});
