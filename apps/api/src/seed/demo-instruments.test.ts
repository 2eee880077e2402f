import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentBookings } from '../db/schema/index.js';
import { caller } from '../modules/agreements/testing.js';
import { createTestPlatform, login, type TestPlatform } from '../test/harness.js';
import { seedDemoInstruments } from './demo-instruments.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
  await seedDemoInstruments(platform.database.db);
});
afterAll(() => platform?.close());

describe('demo instruments', () => {
  it('have bookings in every state, found by what they measure', async () => {
    const { db } = platform.database;
    const byStatus = await db
      .select({ status: instrumentBookings.status, n: count() })
      .from(instrumentBookings)
      .groupBy(instrumentBookings.status);
    const statuses = byStatus.map((row) => row.status).sort();
    expect(statuses).toEqual(
      ['approved', 'cancelled', 'completed', 'declined', 'in_use', 'no_show', 'requested'].sort(),
    );
    const call = caller(platform.app);
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    const found = (await call('GET', `/api/instruments?q=${encodeURIComponent('断口')}`, enterprise)).json();
    expect(found.items[0].title).toContain('SEM');
    expect((await call('GET', '/api/bookings/mine', enterprise)).json().total).toBeGreaterThan(5);
  });

  it('give the college usage figures that match a direct count', async () => {
    const call = caller(platform.app);
    const college = await login(platform.app, 'college@demo.cn');
    const report = (await call('GET', '/api/instruments/usage?groupBy=month', college)).json();
    const [direct] = await platform.database.db
      .select({ hours: sql<string>`sum(extract(epoch from (actual_end_at - actual_start_at))) / 3600` })
      .from(instrumentBookings)
      .where(eq(instrumentBookings.ownerOrgId, college.orgId));
    expect(report.rows.length).toBeGreaterThanOrEqual(3);
    expect(report.total.effectiveHours).toBeCloseTo(Number(direct!.hours), 1);
    expect(report.total.sharingRate).toBeGreaterThan(0.5);
  });
});
