import { indicators, REPORT_DIMENSIONS } from '@coop/shared';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { platformDate, addDays } from '../agreements/dates.js';
import { generateHistory } from '../../seed/history.js';
import {
  createTestPlatform,
  orgId,
  registerOrg,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';
import { caller, logins } from '../agreements/testing.js';
import { indicatorSql } from './indicators.js';
import { createReportRepository, yearEarlier, type ReportWindow } from './repository.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let gov: LoggedIn;
let coordinator: LoggedIn;
let enterprise: LoggedIn;
let admin: LoggedIn;
let otherProvince: LoggedIn;
let associationId: string;

const today = platformDate();
const from = addDays(today, -180);
const to = today;
const period = `from=${from}&to=${to}`;

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  associationId = await orgId(platform.app, 'Zhijiang Machinery Industry Association');
  await generateHistory(platform.database.db, {
    size: {
      orgs: 30,
      needs: 150,
      capabilities: 60,
      matchedNeeds: 80,
      agreements: 30,
      projectsPerAgreement: 3,
      days: 400,
    },
    now: new Date(),
    associationId,
    passwordHash: await hashPassword('nobody-knows-this-password'),
  });
  [gov, coordinator, enterprise, admin] = await logins(platform.app, [
    'gov',
    'coordinator',
    'enterprise',
    'admin',
  ]);
  otherProvince = await registerOrg(
    platform.app,
    'officer@js.gov.cn',
    { kind: 'government', nameZh: '江苏省科技厅', nameEn: 'Jiangsu S&T Department', regionCode: '320000' },
    { verify: true },
  );
  // A generated history is a few thousand rows: give it time on a busy machine.
}, 180_000);
afterAll(() => platform?.close());

const one = async (query: SQL): Promise<number> => {
  const result = (await platform.database.db.execute(query)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
};
const day = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date`;
const between = (column: SQL, start = from, end = to) =>
  sql`${column} between ${start}::date and ${end}::date`;
/** Organisations of the province (the demo officer's region). */
const inProvince = (alias: string) => sql.raw(`${alias}.region_code like '33%'`);
const partyInProvince = sql`exists (select 1 from agreement_parties p join organizations o on o.id = p.org_id
  where p.agreement_id = a.id and ${inProvince('o')})`;

/** Direct SQL counts, written apart from the report queries, for the province and this period. */
const direct: Record<string, SQL> = {
  needs_posted: sql`select count(*) as n from needs n join organizations o on o.id = n.org_id
    where ${inProvince('o')} and ${between(day(sql`n.published_at`))}`,
  needs_matched: sql`select count(*) as n from (
      select m.need_id, min(e.occurred_at) as first from matches m
      join events e on e.entity_type = 'match' and e.entity_id = m.id
        and e.action in ('interested', 'introduced', 'negotiating', 'agreed')
      join needs n on n.id = m.need_id join organizations o on o.id = n.org_id
      where ${inProvince('o')} group by m.need_id
    ) x where ${between(day(sql`x.first`))}`,
  introductions: sql`select count(distinct m.id) as n from events e join matches m on m.id = e.entity_id
    join needs n on n.id = m.need_id join capabilities c on c.id = m.capability_id
    join organizations no on no.id = n.org_id join organizations co on co.id = c.org_id
    where e.entity_type = 'match' and e.action = 'introduced' and ${between(day(sql`e.occurred_at`))}
      and (${inProvince('no')} or ${inProvince('co')})`,
  agreements_signed: sql`select count(*) as n from agreements a where ${between(sql`a.signed_on`)} and ${partyInProvince}`,
  contract_value: sql`select coalesce(sum(a.value_yuan), 0) as n from agreements a
    where ${between(sql`a.signed_on`)} and ${partyInProvince}`,
  enterprises_served: sql`select count(distinct p.org_id) as n from agreements a
    join agreement_parties p on p.agreement_id = a.id join organizations o on o.id = p.org_id
    where ${between(sql`a.signed_on`)} and o.kind = 'enterprise' and ${inProvince('o')}`,
  projects_completed: sql`select count(*) as n from projects pr join agreements a on a.id = pr.agreement_id
    where pr.status = 'done' and ${partyInProvince} and ${between(
      sql`(select ${day(sql`min(e.occurred_at)`)} from events e
        where e.entity_type = 'project' and e.entity_id = pr.id and e.after ->> 'status' = 'done')`,
    )}`,
  items_overdue: sql`select count(*) as n from checklist_items i join projects pr on pr.id = i.project_id
    join agreements a on a.id = pr.agreement_id
    where i.status <> 'done' and i.due_date < ${today}::date and ${between(sql`i.due_date`)}
      and pr.status in ('planned', 'active') and a.status in ('signed', 'active') and ${partyInProvince}`,
};

describe('report figures', () => {
  it('equal direct SQL counts for the officer’s province, each thing counted once', async () => {
    const summary = await call('GET', `/api/reports/summary?${period}`, gov);
    expect(summary.statusCode).toBe(200);
    const figures = summary.json().figures;
    expect(Object.keys(figures).sort()).toEqual(
      indicators()
        .map((i) => i.id)
        .sort(),
    );
    for (const [id, query] of Object.entries(direct)) {
      expect({ id, value: figures[id].value }).toEqual({ id, value: await one(query) });
    }
    // The edge cases are in the data: a need matched twice, a terminated agreement, a confidential need,
    // organisations outside the province.
    expect(
      await one(sql`select count(*) as n from (select need_id from matches where stage <> 'suggested'
        group by need_id having count(*) > 1) x`),
    ).toBeGreaterThan(0);
    expect(
      await one(
        sql`select count(*) as n from agreements where status = 'terminated' and signed_on is not null`,
      ),
    ).toBeGreaterThan(0);
    expect(figures.needs_posted.value).toBeGreaterThan(0);
    const all = (await call('GET', `/api/reports/summary?${period}`, admin)).json().figures;
    expect(all.needs_posted.value).toBeGreaterThan(figures.needs_posted.value);
  });

  it('puts last year’s same period beside each, on the basis of organisations present then', async () => {
    const figures = (await call('GET', `/api/reports/summary?${period}`, gov)).json().figures;
    const cutoff = yearEarlier(to);
    const lastYear = await one(sql`select count(*) as n from agreements a where ${between(
      sql`a.signed_on`,
      yearEarlier(from),
      cutoff,
    )} and exists (select 1 from agreement_parties p join organizations o on o.id = p.org_id
        where p.agreement_id = a.id and ${inProvince('o')} and ${day(sql`o.created_at`)} <= ${cutoff}::date)`);
    const sameBasis = await one(sql`select count(*) as n from agreements a where ${between(sql`a.signed_on`)}
      and exists (select 1 from agreement_parties p join organizations o on o.id = p.org_id
        where p.agreement_id = a.id and ${inProvince('o')} and ${day(sql`o.created_at`)} <= ${cutoff}::date)`);
    expect(figures.agreements_signed).toMatchObject({ lastYear, sameBasis });
    expect(figures.needs_posted.sameBasis).toBeLessThanOrEqual(figures.needs_posted.value);
  });

  it('breaks a figure down by city with the rows behind each, confidential needs counted but never shown', async () => {
    const byCity = (
      await call('GET', `/api/reports/breakdown?${period}&indicator=needs_posted&by=region`, gov)
    ).json();
    const counted = (await platform.database.db.execute(sql`select
        case when o.region_code like '__0000' then o.region_code else left(o.region_code, 4) || '00' end as key,
        count(*)::int as n
      from needs n join organizations o on o.id = n.org_id
      where ${inProvince('o')} and ${between(day(sql`n.published_at`))} group by 1 order by 1`)) as unknown as {
      rows: { key: string; n: number }[];
    };
    expect(byCity.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual(
      counted.rows.map((r) => [r.key, r.n]),
    );
    const city = byCity.rows[0];
    const drill = (
      await call(
        'GET',
        `/api/reports/drill?${period}&indicator=needs_posted&by=region&key=${city.key}&pageSize=100`,
        gov,
      )
    ).json();
    expect(drill.total).toBe(city.value);
    const confidential =
      await one(sql`select count(*) as n from needs n join organizations o on o.id = n.org_id
      where n.visibility = 'confidential' and ${between(day(sql`n.published_at`))}
        and case when o.region_code like '__0000' then o.region_code else left(o.region_code, 4) || '00' end = ${city.key}`);
    expect(drill.items.filter((row: { title: string | null }) => row.title === null)).toHaveLength(
      confidential,
    );
  });

  it('shows the funnel of needs posted in the period with conversions between stages', async () => {
    const funnel = (await call('GET', `/api/reports/funnel?${period}`, gov)).json();
    const [posted, interested, , signed] = funnel.stages;
    expect(posted.value).toBe(await one(direct.needs_posted!));
    expect(interested.conversion).toBeCloseTo(interested.value / posted.value);
    expect(signed.value).toBe(
      await one(sql`select count(*) as n from needs n join organizations o on o.id = n.org_id
        where ${inProvince('o')} and ${between(day(sql`n.published_at`))} and exists (
          select 1 from matches m join agreements a on a.match_id = m.id
          where m.need_id = n.id and a.signed_on is not null)`),
    );
  });

  it('exports what a chart shows as XLSX and the period as a PDF', async () => {
    const breakdown = (
      await call('GET', `/api/reports/breakdown?${period}&indicator=agreements_signed&by=month`, gov)
    ).json();
    const file = await call(
      'GET',
      `/api/reports/export?${period}&chart=breakdown&indicator=agreements_signed&by=month&lang=en`,
      gov,
    );
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => [row[1], row[2]])).toEqual(
      breakdown.rows.map((r: { key: string; value: number }) => [r.key, r.value]),
    );
    const pdf = await call('GET', `/api/reports/pdf?${period}&lang=zh-CN`, gov);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('kept figures', () => {
  it('are computed anew after any committed write to a counted table, not after a rolled-back one', async () => {
    const posted = async () =>
      (await call('GET', `/api/reports/summary?${period}`, gov)).json().figures.needs_posted.value;
    const before = await posted();
    expect(await posted()).toBe(before);
    // A need of the province published before the period moves into it.
    const moved = sql`(select n.id from needs n join organizations o on o.id = n.org_id
      where ${inProvince('o')} and ${day(sql`n.published_at`)} < ${from}::date limit 1)`;
    await platform.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update needs set published_at = now() where id = ${moved}`);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await posted()).toBe(before);
    await platform.database.db.execute(sql`update needs set published_at = now() where id = ${moved}`);
    expect(await posted()).toBe(before + 1);
    expect(await posted()).toBe(await one(direct.needs_posted!));
  });

  it('are invalidated by every table the report queries read', async () => {
    // Every query the reports run, captured instead of executed, and the tables they name.
    const queries: SQL[] = [];
    const capture = { execute: async (query: SQL) => (queries.push(query), { rows: [] }) } as never;
    const repository = createReportRepository();
    const window: ReportWindow = {
      from,
      to,
      scope: { kind: 'association', associationId },
      regionCode: '330100',
      today,
    };
    for (const indicator of indicators()) {
      const definition = indicatorSql(indicator.id)!;
      for (const by of [null, ...REPORT_DIMENSIONS])
        await repository.figures(capture, definition, window, by);
      await repository.drill(capture, definition, window, { by: null, key: null }, 2, 10);
      if (!definition.ratio) await repository.topOrgs(capture, definition, window, 10);
    }
    await repository.funnel(capture, window).catch(() => undefined);
    await repository.overdue(capture, window, 1, 10);
    const dialect = new PgDialect();
    const named = new Set(
      queries.flatMap((query) =>
        [...dialect.sqlToQuery(query).sql.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/g)].map((m) => m[1]!),
      ),
    );
    const tables = (await platform.database.db.execute(sql`select c.relname as name,
        exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'report_data_version_bump') as bumps
      from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace`)) as unknown as {
      rows: { name: string; bumps: boolean }[];
    };
    const read = tables.rows.filter((table) => named.has(table.name));
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((table) => !table.bumps).map((table) => table.name)).toEqual([]);
    // Recording an event moves the version only for the kinds the queries read (migration 0013).
    const kinds = new Set(
      queries.flatMap((query) =>
        [...dialect.sqlToQuery(query).sql.matchAll(/entity_type = '([a-z_]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect([...kinds].sort()).toEqual(['match', 'project']);
    const version = async () => one(sql`select coalesce(sum(n), 0) as n from report_data_version`);
    const record = (entityType: string) =>
      platform.database.db.execute(sql`insert into events (entity_type, entity_id, action)
        values (${entityType}, gen_random_uuid(), 'noted')`);
    const before = await version();
    await record('probe');
    expect(await version()).toBe(before);
    await record('project');
    expect(await version()).toBeGreaterThan(before);
  });
});

describe('who may see reports', () => {
  it('refuses enterprises, and officers asking for a region outside theirs', async () => {
    expect((await call('GET', `/api/reports/summary?${period}`, enterprise)).statusCode).toBe(403);
    expect(
      (await call('GET', `/api/reports/summary?${period}&region=330000`, otherProvince)).statusCode,
    ).toBe(403);
    const theirs = (await call('GET', `/api/reports/summary?${period}`, otherProvince)).json().figures;
    const jiangsu = await one(sql`select count(*) as n from needs n join organizations o on o.id = n.org_id
      where o.region_code like '32%' and ${between(day(sql`n.published_at`))}`);
    expect(jiangsu).toBeGreaterThan(0);
    expect(theirs.needs_posted.value).toBe(jiangsu);
  });

  it('gives coordinators their association’s members', async () => {
    const figures = (await call('GET', `/api/reports/summary?${period}`, coordinator)).json().figures;
    expect(figures.needs_posted.value).toBe(
      await one(sql`select count(*) as n from needs n
        join association_members am on am.member_id = n.org_id and am.association_id = ${associationId}
        where ${between(day(sql`n.published_at`))}`),
    );
  });
});

describe('annual targets', () => {
  const year = Number(today.slice(0, 4));
  it('are set by the officer for the region, with progress and projection, each change an event', async () => {
    const set = await call('PUT', `/api/targets/${year}/agreements_signed`, gov, { value: 40 });
    expect(set.statusCode).toBe(200);
    const actual = await one(sql`select count(*) as n from agreements a
      where ${between(sql`a.signed_on`, `${year}-01-01`, `${year}-12-31`)} and ${partyInProvince}`);
    expect(set.json()).toMatchObject({ target: 40, actual, version: 1 });
    const { yearShare, onTrack, projection } = set.json();
    expect(onTrack).toBe(actual >= 40 * yearShare);
    expect(projection).toBeCloseTo(actual / yearShare);
    const stale = await call('PUT', `/api/targets/${year}/agreements_signed`, gov, { value: 50 });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('PUT', `/api/targets/${year}/agreements_signed`, gov, { value: 50, version: 1 })).json()
        .version,
    ).toBe(2);
    expect(await one(sql`select count(*) as n from events where entity_type = 'target'`)).toBe(2);
    const listed = (await call('GET', `/api/targets?year=${year}`, gov)).json();
    expect(listed.items.map((t: { indicator: string; target: number }) => [t.indicator, t.target])).toEqual([
      ['agreements_signed', 50],
    ]);
    // The other province's office has targets of its own.
    expect((await call('GET', `/api/targets?year=${year}`, otherProvince)).json().items).toEqual([]);
  });

  it('refuses enterprises, medians, and unknown indicators', async () => {
    const before = await one(sql`select count(*) as n from targets`);
    const refused = await call('PUT', `/api/targets/${year}/agreements_signed`, enterprise, { value: 1 });
    expect(refused.statusCode).toBe(403);
    const median = await call('PUT', `/api/targets/${year}/days_to_signing`, gov, { value: 1 });
    expect(median.json().error.details[0]).toMatchObject({ field: 'params.indicator', rule: 'not_allowed' });
    expect((await call('PUT', `/api/targets/${year}/made_up`, gov, { value: 1 })).statusCode).toBe(400);
    expect(await one(sql`select count(*) as n from targets`)).toBe(before);
  });
});

describe('first interest kept beside the event log (match_first_interest)', () => {
  const rows = async (query: SQL) =>
    ((await platform.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const kept = () =>
    rows(
      sql`select match_id::text as id, need_id::text as need, at::text from match_first_interest order by 1`,
    );
  const fromLog = () =>
    rows(sql`select m.id::text as id, m.need_id::text as need, min(e.occurred_at)::text as at
      from events e join matches m on m.id = e.entity_id
      where e.entity_type = 'match' and e.action in ('interested', 'introduced', 'negotiating', 'agreed')
      group by m.id order by 1`);
  const move = (matchId: string, action: string, daysAgo: number) =>
    platform.database.db.execute(sql`insert into events (entity_type, entity_id, action, occurred_at)
      values ('match', ${matchId}::uuid, ${action}, now() - make_interval(days => ${daysAgo}))`);

  it('equals the log whatever order things are written in, and when the log or a match is removed', async () => {
    expect((await kept()).length).toBeGreaterThan(10);
    expect(await kept()).toEqual(await fromLog());
    // An earlier move recorded late moves a match's first interest back; a move of another kind does not count.
    const [{ id: matchId }] = (await kept()) as [{ id: string }];
    await move(matchId, 'negotiating', 600);
    await move(matchId, 'declined', 700);
    expect(await kept()).toEqual(await fromLog());
    // A removed event (erasure) no longer counts.
    await platform.database.db.execute(
      sql`delete from events where entity_id = ${matchId}::uuid and action = 'negotiating'`,
    );
    expect(await kept()).toEqual(await fromLog());
    // A match written after its moves (a bulk load) takes them up; a match removed takes its row with it.
    const [pair] =
      await rows(sql`select n.id::text as need, c.id::text as capability from needs n, capabilities c
      where not exists (select 1 from matches m where m.need_id = n.id and m.capability_id = c.id) limit 1`);
    const [{ id: lateId }] = (await rows(sql`select gen_random_uuid()::text as id`)) as [{ id: string }];
    await move(lateId, 'interested', 30);
    await platform.database.db.execute(sql`insert into matches (id, need_id, capability_id, score)
      values (${lateId}::uuid, ${pair!.need}::uuid, ${pair!.capability}::uuid, 0.5)`);
    expect((await kept()).some((row) => row.id === lateId)).toBe(true);
    expect(await kept()).toEqual(await fromLog());
    await platform.database.db.execute(sql`delete from matches where id = ${lateId}::uuid`);
    expect(await kept()).toEqual(await fromLog());
    await platform.database.db.execute(sql`delete from events where entity_id = ${lateId}::uuid`);
  });
});
