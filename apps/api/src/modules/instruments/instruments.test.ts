import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, instrumentBookings, notifications } from '../../db/schema/index.js';
import { createTestPlatform, registerOrg, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { createAccessPolicy } from '../access/policy.js';
import { caller, logins } from '../agreements/testing.js';
import { createNotificationService } from '../notifications/service.js';
import { createOrgRepository } from '../orgs/repository.js';
import { createBookingService } from './bookings.js';
import { createInstrumentRepository } from './repository.js';
import { createInstrumentService } from './service.js';
import { bookableInstrument, profileInput, slot } from './testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let college: LoggedIn;
let enterprise: LoggedIn;
let vocational: LoggedIn;
let ouyue: LoggedIn;
let gov: LoggedIn;
let sem: string;

const book = (who: LoggedIn, id: string, times: { startsAt: string; endsAt: string }, purpose = '断口分析') =>
  call('POST', `/api/instruments/${id}/bookings`, who, { ...times, purpose, sample: '齿轮断口 2 件' });
const move = (who: LoggedIn, booking: { id: string; version: number }, action: string, extra: object = {}) =>
  call('POST', `/api/bookings/${booking.id}/transitions`, who, {
    action,
    version: booking.version,
    ...extra,
  });
const approved = async (who: LoggedIn, id: string, times: { startsAt: string; endsAt: string }) => {
  const requested = await book(who, id, times);
  expect(requested.statusCode, requested.body).toBe(201);
  const done = await move(college, requested.json(), 'approve');
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
};

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [college, enterprise, vocational, ouyue, gov] = await logins(platform.app, [
    'college',
    'enterprise',
    'vocational',
    'ouyue',
    'gov',
  ]);
  sem = await bookableInstrument(platform.app, college, '场发射扫描电镜 Field-emission SEM');
});
afterAll(() => platform?.close());

describe('the booking profile', () => {
  it('is found by what it measures, in either language, with fees and rules', async () => {
    for (const q of ['断口形貌', 'micro-area composition']) {
      const found = await call('GET', `/api/instruments?q=${encodeURIComponent(q)}`, enterprise);
      expect(found.json().items.map((i: { id: string }) => i.id)).toContain(sem);
    }
    const detail = (await call('GET', `/api/instruments/${sem}`, enterprise)).json();
    expect(detail).toMatchObject({ model: 'Sigma 300', fees: { memberYuanPerHour: 300 }, canManage: false });
    expect((await call('GET', `/api/instruments/${sem}`, college)).json().canManage).toBe(true);
  });

  it('is refused on a capability that is not an instrument, naming the field', async () => {
    const team = await call('POST', '/api/capabilities', college, {
      kind: 'research_team',
      title: '精密测量研究团队',
      description: '从事精密测量与误差补偿研究的团队。',
    });
    const teamId = team.json().id;
    const saved = await call('PUT', `/api/instruments/${teamId}/profile`, college, profileInput());
    expect(saved.statusCode).toBe(400);
    expect(saved.json().error.details[0]).toMatchObject({ field: 'params.id', rule: 'not_an_instrument' });
    const booked = await book(college, teamId, slot(0, '09:00', 60));
    expect(booked.statusCode).toBe(400);
    expect(booked.json().error.details[0].field).toBe('params.id');
  });

  it('is changed only by its owner, and a stale version is refused', async () => {
    const other = await call(
      'PUT',
      `/api/instruments/${sem}/profile`,
      enterprise,
      profileInput({ version: 1 }),
    );
    expect(other.statusCode).toBe(403);
    const stale = await call(
      'PUT',
      `/api/instruments/${sem}/profile`,
      college,
      profileInput({ version: 99 }),
    );
    expect(stale.statusCode).toBe(409);
    const bad = await call('PUT', `/api/instruments/${sem}/profile`, college, {
      ...profileInput({ version: 1 }),
      rules: { ...profileInput().rules, minMinutes: 600, maxMinutes: 60 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.rules.maxMinutes');
  });
});

describe('the fee', () => {
  it('follows how the requester stands to the owner, and is shown before requesting', async () => {
    const times = slot(0, '09:00', 90);
    const quote = async (who: LoggedIn) =>
      (
        await call(
          'GET',
          `/api/instruments/${sem}/quote?startsAt=${times.startsAt}&endsAt=${times.endsAt}`,
          who,
        )
      ).json();
    expect(await quote(college)).toMatchObject({
      relation: 'own',
      rateYuanPerHour: 100,
      feeYuan: 150,
      problems: [],
    });
    expect(await quote(enterprise)).toMatchObject({ relation: 'member', rateYuanPerHour: 300, feeYuan: 450 });
    expect(await quote(vocational)).toMatchObject({
      relation: 'outside',
      rateYuanPerHour: 500,
      feeYuan: 750,
    });
  });

  it('lists the rules a slot breaks in the quote', async () => {
    const times = slot(0, '07:00', 10);
    const quote = (
      await call(
        'GET',
        `/api/instruments/${sem}/quote?startsAt=${times.startsAt}&endsAt=${times.endsAt}`,
        enterprise,
      )
    ).json();
    expect(quote.problems.map((p: { rule: string }) => p.rule).sort()).toEqual([
      'opening_hours',
      'shortest_block',
    ]);
  });
});

describe('booking rules, each at its edge', () => {
  const rejected = async (
    times: { startsAt: string; endsAt: string },
    status: number,
    rule: string,
    field: string,
  ) => {
    const response = await book(enterprise, sem, times);
    expect(response.statusCode, response.body).toBe(status);
    const { error } = response.json();
    expect(error.details).toContainEqual(expect.objectContaining({ rule, field }));
    expect(error.message).toContain(rule);
    return error;
  };

  it('refuses an end before the start, a year-long booking, too short a block and the past', async () => {
    const start = slot(1, '10:00', 60).startsAt;
    await rejected(
      { startsAt: start, endsAt: slot(1, '09:00', 0).startsAt },
      400,
      'end_after_start',
      'body.endsAt',
    );
    const yearLater = new Date(new Date(start).getTime() + 365 * 86_400_000).toISOString();
    await rejected({ startsAt: start, endsAt: yearLater }, 400, 'longest_block', 'body.endsAt');
    await rejected(slot(1, '10:00', 29), 400, 'shortest_block', 'body.endsAt');
    const past = new Date(Date.now() - 86_400_000);
    await rejected(
      { startsAt: past.toISOString(), endsAt: new Date(past.getTime() + 3_600_000).toISOString() },
      400,
      'not_in_past',
      'body.startsAt',
    );
  });

  it('keeps the horizon: 60 days ahead is the last day one may book', async () => {
    const start = new Date(Date.now() + 61 * 86_400_000);
    const error = await rejected(
      { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() },
      400,
      'horizon',
      'body.startsAt',
    );
    expect(error.details[0].limit).toBe(60);
  });

  it('reads opening hours in Asia/Shanghai: 08:00 local (00:00 UTC) is open, 07:30 local is not', async () => {
    const open = slot(1, '08:00', 60);
    expect(open.startsAt).toMatch(/T00:00:00.000Z$/);
    const quote = (
      await call(
        'GET',
        `/api/instruments/${sem}/quote?startsAt=${open.startsAt}&endsAt=${open.endsAt}`,
        enterprise,
      )
    ).json();
    expect(quote.problems).toEqual([]);
    await rejected(slot(1, '07:30', 60), 400, 'opening_hours', 'body.startsAt');
    await rejected(slot(1, '17:30', 60), 400, 'opening_hours', 'body.startsAt');
    // Saturday is closed all day.
    await rejected(slot(5, '10:00', 60), 400, 'opening_hours', 'body.startsAt');
  });

  it('lets a booking end exactly when another starts, but not overlap by one minute', async () => {
    const first = await approved(enterprise, sem, slot(2, '09:00', 120));
    expect(first.status).toBe('approved');
    const adjacent = await approved(ouyue, sem, slot(2, '11:00', 60));
    expect(adjacent.status).toBe('approved');
    const error = await rejected(slot(2, '10:59', 61), 409, 'overlap', 'body.startsAt');
    expect(error.code).toBe('booking_clash');
    expect(error.details[0].clash.id).toBe(first.id);
    expect(error.message).toContain(first.id);
  });

  it('keeps the buffer between bookings', async () => {
    const current = (await call('GET', `/api/instruments/${sem}`, college)).json();
    const saved = await call('PUT', `/api/instruments/${sem}/profile`, college, {
      ...profileInput({ version: current.version }),
      rules: { ...profileInput().rules, bufferMinutes: 30 },
    });
    expect(saved.statusCode).toBe(200);
    // The approved block of day 2 ends at 12:00; 12:29 is within the buffer, 12:30 is not.
    const error = await rejected(slot(2, '12:29', 60), 409, 'buffer', 'body.startsAt');
    expect(error.details[0].limit).toBe(30);
    expect((await book(enterprise, sem, slot(2, '12:30', 60))).statusCode).toBe(201);
  });

  it('refuses a slot in an outage, and an outage over an approved booking', async () => {
    const outage = await call('POST', `/api/instruments/${sem}/outages`, college, {
      ...slot(3, '08:00', 600),
      reason: '年度维护 Annual maintenance',
    });
    expect(outage.statusCode).toBe(201);
    await rejected(slot(3, '13:00', 60), 409, 'outage', 'body.startsAt');
    const overBooking = await call('POST', `/api/instruments/${sem}/outages`, college, {
      ...slot(2, '10:00', 30),
      reason: '临时检修',
    });
    expect(overBooking.statusCode).toBe(409);
    expect(overBooking.json().error.details[0].clash).toBeDefined();
    const byOther = await call('POST', `/api/instruments/${sem}/outages`, enterprise, {
      ...slot(4, '08:00', 60),
      reason: 'x',
    });
    expect(byOther.statusCode).toBe(403);
  });

  it('limits future bookings per organisation', async () => {
    const limited = await bookableInstrument(
      platform.app,
      college,
      '三坐标测量机 CMM',
      profileInput({
        rules: { ...profileInput().rules, maxFuturePerOrg: 2 },
      }),
    );
    expect((await book(enterprise, limited, slot(0, '09:00', 60))).statusCode).toBe(201);
    expect((await book(enterprise, limited, slot(0, '11:00', 60))).statusCode).toBe(201);
    const error = await (async () => {
      const response = await book(enterprise, limited, slot(0, '13:00', 60));
      expect(response.statusCode).toBe(409);
      return response.json().error;
    })();
    expect(error.details[0]).toMatchObject({ rule: 'max_future_bookings', limit: 2 });
    // Another organisation has its own allowance.
    expect((await book(ouyue, limited, slot(0, '13:00', 60))).statusCode).toBe(201);
  });

  it('lets the requester cancel only before the deadline; the owner may cancel later', async () => {
    const strict = await bookableInstrument(
      platform.app,
      college,
      '疲劳试验机 Fatigue tester',
      profileInput({
        rules: { ...profileInput().rules, cancelDeadlineHours: 24 * 30 },
      }),
    );
    const requested = (await book(enterprise, strict, slot(0, '09:00', 60))).json();
    expect(requested.allowedActions).not.toContain('cancel');
    const late = await move(enterprise, requested, 'cancel');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details[0]).toMatchObject({
      rule: 'cancellation_deadline',
      field: 'body.action',
    });
    const byOwner = await move(college, requested, 'cancel', { reason: '设备调试' });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().status).toBe('cancelled');
  });
});

describe('who may see and do what', () => {
  it('shows others only busy blocks, without the organisation or purpose', async () => {
    const times = slot(4, '09:00', 60);
    const mine = await approved(enterprise, sem, times);
    const range = `from=${slot(4, '00:00', 0).startsAt}&to=${slot(5, '00:00', 0).startsAt}`;
    const blocksFor = async (who: LoggedIn) =>
      (await call('GET', `/api/instruments/${sem}/calendar?${range}`, who)).json().blocks as {
        kind: string;
        startsAt: string;
        booking?: { id: string };
      }[];
    const own = (await blocksFor(enterprise)).find((b) => b.startsAt === times.startsAt)!;
    expect(own.booking?.id).toBe(mine.id);
    const others = await blocksFor(vocational);
    const busy = others.find((b) => b.startsAt === times.startsAt)!;
    expect(busy).toEqual({ kind: 'booked', startsAt: times.startsAt, endsAt: times.endsAt });
    expect(others.some((b) => b.kind === 'closed')).toBe(true);
    const ics = await call('GET', `/api/instruments/${sem}/calendar.ics`);
    expect(ics.headers['content-type'], ics.body).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('已预约 Booked');
    expect(ics.body).not.toContain('恒川');
  });

  it('refuses cross-organisation reads and changes', async () => {
    const requested = (await book(enterprise, sem, slot(4, '14:00', 60))).json();
    expect((await call('GET', `/api/bookings/${requested.id}`, vocational)).statusCode).toBe(404);
    expect((await move(vocational, requested, 'approve')).statusCode).toBe(404);
    expect((await move(vocational, requested, 'cancel')).statusCode).toBe(404);
    expect((await move(enterprise, requested, 'approve')).statusCode).toBe(403);
    const othersView = (await call('GET', `/api/instruments/${sem}/bookings`, vocational)).json();
    expect(othersView.total).toBe(0);
    const ownersView = (await call('GET', `/api/instruments/${sem}/bookings?pageSize=100`, college)).json();
    expect(ownersView.items.every((b: { instrument: { id: string } }) => b.instrument.id === sem)).toBe(true);
    expect(ownersView.items.map((b: { id: string }) => b.id)).toContain(requested.id);
    const enterpriseView = (
      await call('GET', `/api/instruments/${sem}/bookings?pageSize=100`, enterprise)
    ).json();
    expect(
      enterpriseView.items.every(
        (b: { requesterOrg: { id: string } }) => b.requesterOrg.id === enterprise.orgId,
      ),
    ).toBe(true);
    const requests = (await call('GET', '/api/bookings/requests', college)).json();
    expect(requests.items.map((b: { id: string }) => b.id)).toContain(requested.id);
    expect((await call('GET', '/api/bookings/requests', vocational)).json().total).toBe(0);
    const declined = await move(college, requested, 'decline');
    expect(declined.statusCode).toBe(400);
    expect(declined.json().error.details[0].field).toBe('body.reason');
  });

  it('notifies the owner of a request and the requester of the decision, with an event each', async () => {
    const requested = (await book(enterprise, sem, slot(4, '16:00', 60))).json();
    await move(college, requested, 'decline', { reason: '样品不适合 Unsuitable sample' });
    const { db } = platform.database;
    const kindsFor = async (userId: string) =>
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.entityId, requested.id)))
      ).map((n) => n.kind);
    expect(await kindsFor(college.userId)).toEqual(['booking_requested']);
    expect(await kindsFor(enterprise.userId)).toEqual(['booking_declined']);
    const moves = await db.select().from(events).where(eq(events.entityId, requested.id));
    expect(moves.map((e) => e.action).sort()).toEqual(['decline', 'requested']);
  });
});

describe('the database keeps approved bookings apart', () => {
  it('answers many concurrent approvals of overlapping requests with exactly one approval', async () => {
    const contested = await bookableInstrument(platform.app, college, '电子探针 Electron probe');
    const requesters = [enterprise, ouyue, vocational, gov, college];
    const requests = [];
    for (const [index, who] of requesters.entries()) {
      for (const minute of [0, 15]) {
        const response = await book(
          who,
          contested,
          slot(1, `09:${String(minute + index).padStart(2, '0')}`, 90),
        );
        expect(response.statusCode, response.body).toBe(201);
        requests.push(response.json());
      }
    }
    const answers = await Promise.all(requests.map((r) => move(college, r, 'approve')));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(requests.length - 1);
    const winner = answers.find((a) => a.statusCode === 200)!.json();
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json().error.code).toBe('booking_clash');
      expect(refused.json().error.details[0].clash.id).toBe(winner.id);
    }
  });

  it('refuses an overlapping approved row written past the service (exclusion constraint, 23P01)', async () => {
    const { db } = platform.database;
    const [row] = await db
      .select()
      .from(instrumentBookings)
      .where(eq(instrumentBookings.status, 'approved'))
      .limit(1);
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...copy } = row!;
    const failure = await db
      .insert(instrumentBookings)
      .values(copy)
      .then(
        () => null,
        (error: { code?: string; cause?: { code?: string } }) => error,
      );
    expect(failure?.cause?.code ?? failure?.code).toBe('23P01');
  });
});

describe('usage', () => {
  it('records actual hours and the fee, and the figures match a direct count', async () => {
    const used = await bookableInstrument(platform.app, college, '激光共聚焦显微镜 Confocal microscope');
    const member = await approved(enterprise, used, slot(0, '09:00', 120));
    const started = (await move(college, member, 'start', { at: slot(0, '09:00', 0).startsAt })).json();
    const completed = await move(college, started, 'complete', { at: slot(0, '10:30', 0).startsAt });
    expect(completed.json()).toMatchObject({ status: 'completed', feeYuan: 450 });
    const own = await approved(college, used, slot(1, '09:00', 60));
    const ownStarted = (await move(college, own, 'start', { at: slot(1, '09:00', 0).startsAt })).json();
    await move(college, ownStarted, 'complete', { at: slot(1, '10:00', 0).startsAt });
    const early = await approved(ouyue, used, slot(2, '09:00', 60));
    expect((await move(college, early, 'no_show')).statusCode).toBe(409);

    const report = (await call('GET', '/api/instruments/usage?groupBy=instrument', college)).json();
    const row = report.rows.find((r: { key: string }) => r.key === used);
    expect(row).toMatchObject({
      effectiveHours: 2.5,
      externalHours: 1.5,
      sharingRate: 0.6,
      incomeYuan: 550,
      enterprisesServed: 1,
      noShows: 0,
    });

    const { db } = platform.database;
    const [direct] = await db
      .select({
        hours: sql<string>`sum(extract(epoch from (actual_end_at - actual_start_at))) / 3600`,
        income: sql<string>`sum(fee_yuan)`,
      })
      .from(instrumentBookings)
      .where(
        and(eq(instrumentBookings.status, 'completed'), eq(instrumentBookings.ownerOrgId, college.orgId)),
      );
    expect(report.total.effectiveHours).toBeCloseTo(Number(direct!.hours), 2);
    expect(report.total.incomeYuan).toBe(Number(direct!.income));

    const months = (await call('GET', '/api/instruments/usage?groupBy=month', college)).json();
    expect(months.rows.length).toBeGreaterThan(0);
    // The government office sees its region's instruments; an enterprise sees none of the college's.
    const region = (await call('GET', '/api/instruments/usage?groupBy=owner', gov)).json();
    expect(region.rows.map((r: { key: string }) => r.key)).toContain(college.orgId);
    const enterpriseView = (await call('GET', '/api/instruments/usage?groupBy=owner', enterprise)).json();
    expect(enterpriseView.rows).toEqual([]);
  });
});

describe('usage in the reports', () => {
  const scalar = async (query: ReturnType<typeof sql>) =>
    Number(
      ((await platform.database.db.execute(query)) as unknown as { rows: { n: string | null }[] }).rows[0]
        ?.n ?? 0,
    );
  let used: string;
  let period: string;

  beforeAll(async () => {
    used = await bookableInstrument(platform.app, college, '万能材料试验机 Universal testing machine');
    const done = async (who: LoggedIn, day: number, minutes: number) => {
      const booking = await approved(who, used, slot(day, '09:00', minutes));
      const started = (await move(college, booking, 'start', { at: slot(day, '09:00', 0).startsAt })).json();
      const completed = await move(college, started, 'complete', { at: slot(day, '09:00', minutes).endsAt });
      expect(completed.statusCode, completed.body).toBe(200);
    };
    await done(enterprise, 7, 180);
    await done(enterprise, 8, 60);
    await done(college, 9, 120);
    const from = slot(0, '00:00', 0).startsAt.slice(0, 10);
    const to = new Date(Date.parse(slot(40, '12:00', 0).startsAt)).toISOString().slice(0, 10);
    period = `from=${from}&to=${to}`;
  });

  const breakdown = async (who: LoggedIn, indicator: string, by: string) =>
    call('GET', `/api/reports/breakdown?${period}&indicator=${indicator}&by=${by}`, who);

  it('breaks each figure down by instrument, organisation, region and month, matching a direct count', async () => {
    const completed = sql`status = 'completed' and instrument_id = ${used}`;
    const direct: Record<string, ReturnType<typeof sql>> = {
      instrument_effective_hours: sql`select sum(extract(epoch from actual_end_at - actual_start_at)) / 3600 as n from instrument_bookings where ${completed}`,
      instrument_external_hours: sql`select sum(extract(epoch from actual_end_at - actual_start_at)) / 3600 as n from instrument_bookings where ${completed} and requester_org_id <> owner_org_id`,
      instrument_income: sql`select sum(fee_yuan) as n from instrument_bookings where ${completed}`,
      instrument_enterprises_served: sql`select count(distinct b.requester_org_id) as n from instrument_bookings b join organizations o on o.id = b.requester_org_id where b.status = 'completed' and b.instrument_id = ${used} and o.kind = 'enterprise' and b.requester_org_id <> b.owner_org_id`,
      instrument_no_shows: sql`select count(*) as n from instrument_bookings where status = 'no_show' and instrument_id = ${used}`,
    };
    for (const [indicator, query] of Object.entries(direct)) {
      const rows = (await breakdown(gov, indicator, 'instrument')).json().rows;
      const row = rows.find((r: { key: string }) => r.key === used) ?? { value: 0 };
      expect(row.value, indicator).toBeCloseTo(await scalar(query), 4);
    }
    // 4 hours of 6 used by the enterprise: the rate is a ratio of the sums.
    const rate = (await breakdown(gov, 'instrument_sharing_rate', 'instrument')).json();
    expect(rate.rows.find((r: { key: string }) => r.key === used)).toMatchObject({
      value: 4 / 6,
      labelZh: '万能材料试验机 Universal testing machine',
    });
    const byOwner = (await breakdown(gov, 'instrument_effective_hours', 'organization')).json().rows;
    const owner = byOwner.find((r: { key: string }) => r.key === college.orgId);
    const ownerHours = await scalar(
      sql`select sum(extract(epoch from actual_end_at - actual_start_at)) / 3600 as n from instrument_bookings where status = 'completed' and owner_org_id = ${college.orgId} and starts_at >= ${slot(0, '00:00', 0).startsAt}::timestamptz`,
    );
    expect(owner.value).toBeCloseTo(ownerHours, 4);
    expect(owner.labelEn).toBeTruthy();
    const months = (await breakdown(gov, 'instrument_effective_hours', 'month')).json().rows;
    const regions = (await breakdown(gov, 'instrument_effective_hours', 'region')).json().rows;
    const sum = (rows: { value: number }[]) => rows.reduce((total, r) => total + r.value, 0);
    const summary = (await call('GET', `/api/reports/summary?${period}`, gov)).json();
    expect(sum(months)).toBeCloseTo(summary.figures.instrument_effective_hours.value, 4);
    expect(sum(regions)).toBeCloseTo(summary.figures.instrument_effective_hours.value, 4);
    expect(summary.figures.instrument_sharing_rate.value).toBeCloseTo(
      summary.figures.instrument_external_hours.value / summary.figures.instrument_effective_hours.value,
      6,
    );
  });

  it('refuses a breakdown by instrument of a figure that is not about instruments', async () => {
    const refused = await breakdown(gov, 'needs_posted', 'instrument');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('querystring.by');
  });

  it("shows an officer the region's bookings redacted, and refuses another region's", async () => {
    const list = (await call('GET', `/api/instruments/${used}/bookings?pageSize=100`, gov)).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    for (const booking of list.items) {
      expect(booking).toMatchObject({ redacted: true, requesterOrg: null, purpose: null, sample: null });
      expect(booking.allowedActions).toEqual([]);
    }
    const one = await call('GET', `/api/bookings/${list.items[0].id}`, gov);
    expect(one.json()).toMatchObject({ redacted: true, requesterName: null, feeYuan: list.items[0].feeYuan });
    expect((await move(gov, list.items[0], 'cancel')).statusCode).toBe(404);

    const jiangsu = await registerOrg(
      platform.app,
      'officer@js-instruments.gov.cn',
      { kind: 'government', nameZh: '江苏省科技厅', nameEn: 'Jiangsu S&T Department', regionCode: '320000' },
      { verify: true },
    );
    expect((await call('GET', `/api/instruments/${used}/bookings`, jiangsu)).statusCode).toBe(403);
    expect((await call('GET', `/api/bookings/${list.items[0].id}`, jiangsu)).statusCode).toBe(404);
    const theirs = (await call('GET', '/api/instruments/usage?groupBy=owner', jiangsu)).json();
    expect(theirs.rows).toEqual([]);
    const elsewhere = (await breakdown(jiangsu, 'instrument_effective_hours', 'instrument')).json().rows;
    expect(elsewhere.map((r: { key: string }) => r.key)).not.toContain(used);
    const outside = await call('GET', `/api/reports/summary?${period}&region=330000`, jiangsu);
    expect(outside.statusCode).toBe(403);
  });
});

describe('free instruments and reminders', () => {
  it('finds instruments free for a whole slot', async () => {
    const times = slot(2, '09:30', 30);
    const free = (
      await call('GET', `/api/instruments/free?q=SEM&from=${times.startsAt}&to=${times.endsAt}`, enterprise)
    ).json();
    expect(free.items.map((i: { id: string }) => i.id)).not.toContain(sem);
    const later = slot(2, '15:00', 60);
    const open = (
      await call('GET', `/api/instruments/free?q=SEM&from=${later.startsAt}&to=${later.endsAt}`, enterprise)
    ).json();
    expect(open.items.map((i: { id: string }) => i.id)).toContain(sem);
  });

  it('reminds the requester once, the day before', async () => {
    const { db } = platform.database;
    const access = createAccessPolicy({ orgs: createOrgRepository() });
    const repository = createInstrumentRepository();
    const bookings = createBookingService({
      db,
      access,
      repository,
      instruments: createInstrumentService({ db, access, repository }),
      notifications: createNotificationService({ db, sender: { send: async () => {} } }),
    });
    const times = slot(0, '15:00', 60);
    const booked = await approved(enterprise, sem, times);
    const dayBefore = new Date(new Date(times.startsAt).getTime() - 20 * 3_600_000);
    expect(await bookings.remindUpcoming(dayBefore)).toBeGreaterThanOrEqual(1);
    expect(await bookings.remindUpcoming(dayBefore)).toBe(0);
    const [reminders] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.entityId, booked.id), eq(notifications.kind, 'booking_reminder')));
    expect(reminders!.n).toBe(1);
  });
});
