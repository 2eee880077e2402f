import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../db/schema/index.js';
import { seedDemoAgreements } from '../../seed/demo-agreements.js';
import { seedDemoInstruments } from '../../seed/demo-instruments.js';
import { seedDemoMeetings } from '../../seed/demo-meetings.js';
import { generateHistory } from '../../seed/history.js';
import { hashPassword } from '../auth/passwords.js';
import { addDays, platformDate } from '../agreements/dates.js';
import { caller, logins } from '../agreements/testing.js';
import { createTestPlatform, orgId, type LoggedIn, type TestPlatform } from '../../test/harness.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let people: Record<string, LoggedIn>;
const today = platformDate();
const DEMO_KEYS: Record<string, string> = {
  'Hengchuan CNC Machine Tools Co., Ltd.': 'hengchuan',
  'East Zhejiang University of Technology': 'university',
  'Qiantang Vocational and Technical College': 'vocational',
  'Zhijiang Machinery Industry Association': 'association',
};
const NAMES = ['enterprise', 'college', 'coordinator', 'gov', 'testcentre'] as const;

const one = async (query: SQL): Promise<number> => {
  const result = (await platform.database.db.execute(query)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
};
const orgOf = (name: string) => sql`(select org_id from users where email = ${`${name}@demo.cn`})`;
const members = (name: string) =>
  sql`(select member_id from association_members where association_id = ${orgOf(name)})`;
const province = sql`(select id from organizations where region_code like '33%')`;

/** The same to-dos counted straight from the tables, written apart from the repository's SQL. */
function expected(name: string, key: string, overseen: SQL | null): SQL {
  const mine = (column: SQL) => (overseen ? sql`${column} in ${overseen}` : sql`${column} = ${orgOf(name)}`);
  const tasks = sql`select count(*) as n from checklist_items i, projects pr, agreements a
    where pr.id = i.project_id and a.id = pr.agreement_id and i.status <> 'done'
    and pr.status in ('planned', 'active') and a.status in ('signed', 'active') and ${
      overseen
        ? sql`exists (select 1 from agreement_parties ap where ap.agreement_id = a.id and ap.org_id in ${overseen})`
        : sql`i.responsible_org_id = ${orgOf(name)}`
    }`;
  switch (key) {
    case 'new_matches':
      return sql`select count(*) as n from matches m where m.stage = 'suggested' and m.created_at > now() - interval '7 days'
        and (${mine(sql`(select org_id from needs where id = m.need_id)`)}
          or ${mine(sql`(select org_id from capabilities where id = m.capability_id)`)})`;
    case 'proposals_to_answer':
      return sql`select count(distinct m.id) as n from matches m join proposals p on p.match_id = m.id
        where m.stage = 'interested' and p.org_id <> ${orgOf(name)}
        and (${mine(sql`(select org_id from needs where id = m.need_id)`)}
          or ${mine(sql`(select org_id from capabilities where id = m.capability_id)`)})`;
    case 'tasks_overdue':
      return sql`${tasks} and i.due_date < ${today}::date`;
    case 'tasks_due_this_week':
      return sql`${tasks} and i.due_date >= ${today}::date and i.due_date <= ${addDays(today, 6)}::date`;
    case 'meeting_invitations':
      return sql`select count(*) as n from meeting_participants
        where status = 'invited' and ${mine(sql`org_id`)}
        and meeting_id in (select id from meetings where status = 'open')`;
    case 'bookings_to_approve':
      return sql`select count(*) as n from instrument_bookings where status = 'requested' and ${mine(sql`owner_org_id`)}`;
    case 'introductions_to_broker':
      return sql`select count(*) as n from matches m where m.stage = 'interested'
        and ${mine(sql`(select org_id from needs where id = m.need_id)`)}
        and ${mine(sql`(select org_id from capabilities where id = m.capability_id)`)}`;
  }
  throw new Error(`no expected count for ${key}`);
}

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  await generateHistory(platform.database.db, {
    size: {
      orgs: 20,
      needs: 80,
      capabilities: 40,
      matchedNeeds: 40,
      agreements: 15,
      projectsPerAgreement: 3,
      days: 200,
    },
    now: new Date(),
    associationId: await orgId(platform.app, 'Zhijiang Machinery Industry Association'),
    passwordHash: await hashPassword('nobody-knows-this-password'),
  });
  const db = platform.database.db;
  // The demo's agreements, meetings (one open for registration) and instruments (bookings waiting for approval).
  const ids = new Map<string, string>();
  for (const o of await db.select().from(organizations)) {
    const key =
      DEMO_KEYS[o.nameEn] ?? (o.kind === 'enterprise' ? o.nameEn.split(' ')[0]!.toLowerCase() : undefined);
    if (key) ids.set(key, o.id);
  }
  await seedDemoAgreements(db, ids);
  await seedDemoMeetings(db, ids);
  await seedDemoInstruments(db);
  // Matches of the enterprise's need with the college's capabilities: new, old, interest with and without a
  // proposal from the college, a proposal by the enterprise itself, and one the enterprise declined.
  await db.execute(sql`
    with n as (insert into needs (org_id, created_by, title, description, region_code, status)
               select org_id, id, '主轴热误差补偿', 'Spindle thermal error', '330100', 'open' from users
               where email = 'enterprise@demo.cn' returning id),
         c as (insert into capabilities (org_id, created_by, kind, title, description, region_code, status)
               select org_id, id, 'research_team', t.title, 'team', '330100', 'open' from users,
                 (values ('A'), ('B'), ('C'), ('D'), ('E'), ('F')) as t(title)
               where email = 'college@demo.cn' returning id, title)
    insert into matches (need_id, capability_id, score, stage, created_at)
    select n.id, c.id, 0.5, s.stage, now() - make_interval(days => s.age) from n, c
      join (values ('A', 'suggested', 1), ('B', 'suggested', 30), ('C', 'interested', 2), ('D', 'interested', 2),
                   ('E', 'interested', 2), ('F', 'declined', 2)) as s(title, stage, age) on s.title = c.title`);
  await db.execute(sql`
    insert into proposals (match_id, org_id, created_by, approach)
    select m.id, u.org_id, u.id, 'proposal ' || c.title from matches m join capabilities c on c.id = m.capability_id
      join users u on u.email = case when c.title = 'D' then 'enterprise@demo.cn' else 'college@demo.cn' end
    where c.title in ('C', 'D', 'F') and c.description = 'team'`);
  // Edge cases around tasks the enterprise is responsible for: done yet past due, due today, due in a week (outside), no date.
  await db.execute(sql`
    with p as (select pr.id from projects pr join agreements a on a.id = pr.agreement_id
               where pr.status = 'active' and a.status in ('signed', 'active') order by pr.id limit 1)
    insert into checklist_items (project_id, title, due_date, responsible_org_id, status, position)
    select p.id, t.title, t.due::date, ${orgOf('enterprise')}, t.status, 900 + t.pos from p,
      (values ('done late', ${addDays(today, -3)}, 'done', 1), ('due today', ${today}, 'pending', 2),
              ('due in 7 days', ${addDays(today, 7)}, 'in_progress', 3), ('no date', null, 'pending', 4))
        as t(title, due, status, pos)`);
  people = Object.fromEntries(
    (await logins(platform.app, NAMES)).map((who, index) => [NAMES[index], who]),
  ) as Record<string, LoggedIn>;
}, 180_000);
afterAll(() => platform?.close());

describe('GET /api/home', () => {
  it('refuses a visitor', async () => {
    expect((await call('GET', '/api/home')).statusCode).toBe(401);
  });

  it.each([
    ['enterprise', null],
    ['college', null],
    ['testcentre', null],
    ['coordinator', 'members'],
    ['gov', 'province'],
  ] as const)('every to-do of %s equals a count made directly in SQL', async (name, scope) => {
    const response = await call('GET', '/api/home', people[name]);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { today: string; todos: { key: string; count: number; link: string }[] };
    expect(body.today).toBe(today);
    expect(body.todos.length).toBeGreaterThan(0);
    const overseen = scope === 'members' ? members(name) : scope === 'province' ? province : null;
    for (const todo of body.todos) {
      expect({ key: todo.key, count: todo.count }).toEqual({
        key: todo.key,
        count: await one(expected(name, todo.key, overseen)),
      });
      expect(todo.link).toMatch(/^\/[a-z/]+$/);
    }
  });

  it('has something to do for the enterprise and the college on this data', async () => {
    const counts = async (name: string) =>
      Object.fromEntries(
        ((await call('GET', '/api/home', people[name])).json().todos as { key: string; count: number }[]).map(
          (t) => [t.key, t.count],
        ),
      );
    // A, not B (a month old); C for the enterprise to answer; D for the college; never F (declined).
    expect(await counts('enterprise')).toMatchObject({ new_matches: 1, proposals_to_answer: 1 });
    expect(await counts('college')).toMatchObject({ new_matches: 1, proposals_to_answer: 1 });
    expect((await counts('testcentre')).bookings_to_approve).toBeGreaterThan(0);
  });

  it('tells each role what it can act on', async () => {
    const keys = async (name: string) =>
      ((await call('GET', '/api/home', people[name])).json().todos as { key: string }[]).map((t) => t.key);
    expect(await keys('enterprise')).toContain('proposals_to_answer');
    expect(await keys('enterprise')).not.toContain('bookings_to_approve');
    expect(await keys('testcentre')).toContain('bookings_to_approve');
    expect(await keys('coordinator')).toContain('introductions_to_broker');
    expect(await keys('gov')).not.toContain('new_matches');
  });

  it('counts the enterprise task due today, not the one done late or the one a week away', async () => {
    const todos = (await call('GET', '/api/home', people.enterprise)).json().todos as {
      key: string;
      count: number;
    }[];
    const dueThisWeek = todos.find((t) => t.key === 'tasks_due_this_week')!;
    const dueToday = await one(sql`select count(*) as n from checklist_items where title = 'due today'`);
    expect(dueToday).toBe(1);
    // Without the fixtures the count would be one lower: 'due today' counts, 'done late' and 'due in 7 days' do not.
    const withoutFixtures = await one(
      sql`${expected('enterprise', 'tasks_due_this_week', null)} and i.position < 900`,
    );
    expect(dueThisWeek.count).toBe(withoutFixtures + 1);
    const overdue = todos.find((t) => t.key === 'tasks_overdue')!;
    expect(overdue.count).toBe(
      await one(sql`${expected('enterprise', 'tasks_overdue', null)} and i.position < 900`),
    );
  });
});
