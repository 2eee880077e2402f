// The access-control matrix: every operation of the OpenAPI document × every role, with the status each must get
// (OWASP API5, function level), then the objects of one organisation asked for by its own people, another
// organisation and another region (API1, object level), and the fields a role may set or see (API3, property level).
// A route missing from the table fails the first test, so a new route cannot ship unclassified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthRepository } from '../modules/auth/repository.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { runningAgreement } from '../modules/agreements/testing.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { createTestPlatform, login, registerOrg, type LoggedIn, type TestPlatform } from './harness.js';
import { fillPath, operationsOf, sample, type Operation } from './hostile-inputs.js';

const ROLES = ['visitor', 'member', 'enterprise', 'college', 'coordinator', 'officer', 'admin'] as const;
type Role = (typeof ROLES)[number];

/**
 * Status per role, in the order of ROLES, for a request with a well-formed sample body and unknown ids. 401: signed
 * out; 403: the role may never do this; 404: allowed to ask, but the id names nothing the caller may see; 400: the
 * sample lacks what the operation needs, checked only after the caller is known. Streams are checked signed out only.
 */
const FUNCTION_LEVEL: Record<string, readonly number[] | 'stream'> = {
  'GET /api/health': [200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/login': [401, 401, 401, 401, 401, 401, 401],
  'POST /api/auth/refresh': [401, 401, 401, 401, 401, 401, 401],
  'POST /api/auth/register': [400, 400, 400, 400, 400, 400, 400],
  'POST /api/auth/password': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/auth/password-reset': [400, 400, 400, 400, 400, 400, 400],
  'GET /api/me': [401, 200, 200, 200, 200, 200, 200],
  'PATCH /api/me': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/home': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/orgs/{id}/designations': [404, 404, 404, 404, 404, 404, 404],
  'POST /api/orgs/{id}/designations': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/designations/queue': [401, 403, 403, 403, 200, 200, 200],
  'POST /api/designations/{id}/decision': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/designations/{id}/files': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/designations/{id}/files': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/org-verifications/{id}/files': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/evidence/{id}': [401, 404, 404, 404, 404, 404, 404],
  'DELETE /api/evidence/{id}': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/orgs/{id}/invitations': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/orgs': [200, 200, 200, 200, 200, 200, 200],
  'GET /api/orgs/{id}': [404, 404, 404, 404, 404, 404, 404],
  'PATCH /api/orgs/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/orgs/{id}/verification': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/orgs/{id}/verifications': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/orgs/{id}/members': [404, 404, 404, 404, 404, 404, 404],
  'POST /api/orgs/{id}/members': [401, 404, 404, 404, 404, 404, 404],
  'DELETE /api/orgs/{id}/members/{memberId}': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/orgs/{id}/users': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/needs': [200, 200, 200, 200, 200, 200, 200],
  'POST /api/needs': [401, 201, 201, 403, 403, 403, 201],
  'GET /api/needs/{id}': [404, 404, 404, 404, 404, 404, 404],
  'PATCH /api/needs/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/needs/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/capabilities': [200, 200, 200, 200, 200, 200, 200],
  'POST /api/capabilities': [401, 403, 403, 201, 403, 403, 201],
  'GET /api/capabilities/{id}': [404, 404, 404, 404, 404, 404, 404],
  'PATCH /api/capabilities/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/capabilities/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/review-queue': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/search': [400, 400, 400, 400, 400, 400, 400],
  'GET /api/needs/{id}/matches': [404, 404, 404, 404, 404, 404, 404],
  'GET /api/capabilities/{id}/matches': [404, 404, 404, 404, 404, 404, 404],
  'GET /api/matches': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/matches/{id}': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/matches/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/matches/introductions': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/matches/responses': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/admin/reindex': [401, 403, 403, 403, 403, 403, 200],
  'POST /api/admin/reindex': [401, 403, 403, 403, 403, 403, 202],
  'GET /api/admin/audit': [401, 403, 403, 403, 403, 403, 200],
  'GET /api/admin/users': [401, 403, 403, 403, 403, 403, 200],
  'POST /api/admin/users/{id}/disable': [401, 403, 403, 403, 403, 403, 404],
  'POST /api/admin/users/{id}/enable': [401, 403, 403, 403, 403, 403, 404],
  'POST /api/admin/users/{id}/password-reset': [401, 403, 403, 403, 403, 403, 404],
  'GET /api/notifications': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/notifications/{id}/read': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/notifications/read-all': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/notifications/digest': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/import/{kind}': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/export/{kind}': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/agreements': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/agreements': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/agreements/{id}': [401, 404, 404, 404, 404, 404, 404],
  'PATCH /api/agreements/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/agreements/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/agreements/{id}/timeline': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/agreements/{id}/attachments': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/attachments/{id}': [401, 404, 404, 404, 404, 404, 404],
  'DELETE /api/attachments/{id}': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/agreements/{id}/projects': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/agreements/{id}/projects': [401, 404, 404, 404, 404, 404, 404],
  'PUT /api/agreements/{id}/projects/order': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/agreements/{id}/projects/export': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/projects': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/projects/export': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/projects/{id}': [401, 404, 404, 404, 404, 404, 404],
  'PATCH /api/projects/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/projects/{id}/notes': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/projects/{id}/items': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/projects/{id}/items': [401, 404, 404, 404, 404, 404, 404],
  'PUT /api/projects/{id}/items/order': [401, 404, 404, 404, 404, 404, 404],
  'PATCH /api/items/{id}': [401, 400, 400, 400, 400, 400, 400],
  'DELETE /api/items/{id}': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/tasks': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/reports/summary': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/funnel': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/breakdown': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/drill': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/overdue': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/top-orgs': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/export': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/reports/pdf': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/targets': [401, 400, 400, 400, 400, 400, 400],
  'PUT /api/targets/{year}/{indicator}': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/instruments': [200, 200, 200, 200, 200, 200, 200],
  'GET /api/instruments/free': [400, 400, 400, 400, 400, 400, 400],
  'GET /api/instruments/usage': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/instruments/{id}': [404, 404, 404, 404, 404, 404, 404],
  'PUT /api/instruments/{id}/profile': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/instruments/{id}/outages': [400, 400, 400, 400, 400, 400, 400],
  'POST /api/instruments/{id}/outages': [401, 404, 404, 404, 404, 404, 404],
  'DELETE /api/instruments/{id}/outages/{outageId}': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/instruments/{id}/calendar': [400, 400, 400, 400, 400, 400, 400],
  'GET /api/instruments/{id}/calendar.ics': [404, 404, 404, 404, 404, 404, 404],
  'GET /api/instruments/{id}/quote': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/instruments/{id}/bookings': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/instruments/{id}/bookings': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/bookings/mine': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/bookings/requests': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/bookings/{id}': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/bookings/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/meetings': [401, 403, 403, 201, 201, 403, 201],
  'GET /api/meetings/{id}': [401, 404, 404, 404, 404, 404, 404],
  'PATCH /api/meetings/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/meetings/{id}/transitions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings/{id}/figures': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings/{id}/participants': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/participants': [401, 404, 404, 404, 404, 404, 404],
  'PATCH /api/meetings/{id}/participants/{itemId}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/meetings/{id}/participants/{itemId}/check-in': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings/{id}/suggestions': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings/{id}/requests': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/requests': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/requests/{itemId}/answer': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/schedule': [401, 404, 404, 404, 404, 404, 404],
  'PUT /api/meetings/{id}/requests/{itemId}/placement': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/requests/{itemId}/attendance': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/walk-ins': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/requests/{itemId}/outcomes': [401, 404, 404, 404, 404, 404, 404],
  'POST /api/meetings/{id}/signing': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/meetings/{id}/agenda': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/events/stream': 'stream',
  // Last: it ends each caller's session.
  'POST /api/auth/logout': [204, 204, 204, 204, 204, 204, 204],
};

/**
 * Everything a signed-out visitor may reach (any answer but 401 in the visitor column): DESIGN.md makes public
 * listings, organisations, search, matching and shared instruments readable without logging in, and logging in
 * must itself be reachable. Anything else answering a visitor is a hole, so a route cannot go public unnoticed.
 */
const SIGNED_OUT = new Set([
  'GET /api/health',
  'POST /api/auth/register',
  'POST /api/auth/password-reset',
  'POST /api/auth/logout',
  'GET /api/orgs',
  'GET /api/orgs/{id}',
  'GET /api/orgs/{id}/members',
  'GET /api/orgs/{id}/designations',
  'GET /api/needs',
  'GET /api/needs/{id}',
  'GET /api/needs/{id}/matches',
  'GET /api/capabilities',
  'GET /api/capabilities/{id}',
  'GET /api/capabilities/{id}/matches',
  'GET /api/search',
  'GET /api/instruments',
  'GET /api/instruments/free',
  'GET /api/instruments/{id}',
  'GET /api/instruments/{id}/outages',
  'GET /api/instruments/{id}/calendar',
  'GET /api/instruments/{id}/calendar.ics',
]);

let platform: TestPlatform;
let operations: Operation[];
const who = {} as Record<Exclude<Role, 'visitor'>, LoggedIn> & { otherOrg: LoggedIn; otherRegion: LoggedIn };
const key = (op: Operation) => `${op.method} ${op.path}`;

function send(method: string, url: string, caller: LoggedIn | null, payload?: unknown) {
  return platform.app.inject({
    method: method as never,
    url,
    ...(caller ? { headers: caller.headers } : {}),
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
}

beforeAll(async () => {
  platform = await createTestPlatform();
  operations = operationsOf(platform.app.swagger() as never);
  const app = platform.app;
  who.enterprise = await login(app, 'enterprise@demo.cn');
  // The demo has no plain member: one joins the enterprise.
  await createAuthRepository().createUser(platform.database.db, {
    email: 'member@demo.cn',
    orgId: who.enterprise.orgId,
    displayName: '普通成员 Member',
    orgRole: 'member',
    platformRole: null,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  who.member = await login(app, 'member@demo.cn');
  who.college = await login(app, 'college@demo.cn');
  who.coordinator = await login(app, 'coordinator@demo.cn');
  who.officer = await login(app, 'gov@demo.cn');
  who.admin = await login(app, 'admin@demo.cn');
  who.otherOrg = await login(app, 'yuexi@demo.cn');
  who.otherRegion = await registerOrg(
    app,
    'officer@gd.example.cn',
    {
      kind: 'government',
      nameZh: '广东省科学技术厅',
      nameEn: 'Guangdong S&T Department',
      regionCode: '440000',
    },
    { verify: true },
  );
}, 120_000);
afterAll(() => platform?.close());

const OBJECT_ROLES = [
  'visitor',
  'member',
  'enterprise',
  'otherOrg',
  'college',
  'coordinator',
  'officer',
  'otherRegion',
  'admin',
] as const;
type ObjectRole = (typeof OBJECT_ROLES)[number];

/** The objects asked for: the enterprise's own, an agreement it signed with the college, in the officer's region. */
interface Objects {
  orgId: string;
  needId: string;
  agreementId: string;
}

/**
 * Status per role, in the order of OBJECT_ROLES: the enterprise's own people (member, admin), another enterprise,
 * the college party, the association's coordinator, the officer of the province and one of another province, the
 * platform admin. Writes carry a stale version, so an allowed caller gets 409 and nothing changes; a refused one gets
 * 403 (it may know the object exists) or 404 (it may not).
 */
const OBJECT_LEVEL: [string, (o: Objects) => string, unknown, readonly number[]][] = [
  ['GET', (o) => `/api/orgs/${o.orgId}/users`, undefined, [401, 200, 200, 403, 403, 200, 403, 403, 200]],
  // What verifiers checked: the organisation itself and those who verify it (coordinator, the province's officer).
  [
    'GET',
    (o) => `/api/orgs/${o.orgId}/verifications`,
    undefined,
    [401, 200, 200, 403, 403, 200, 200, 403, 200],
  ],
  ['PATCH', (o) => `/api/orgs/${o.orgId}`, { industry: 'x' }, [401, 403, 200, 403, 403, 403, 403, 403, 200]],
  [
    'POST',
    (o) => `/api/orgs/${o.orgId}/invitations`,
    { email: 'new@hengchuan.example.cn', orgRole: 'admin' },
    [401, 403, 201, 403, 403, 403, 403, 403, 201],
  ],
  // A published confidential need: outsiders who are signed in read its anonymised summary (checked below).
  ['GET', (o) => `/api/needs/${o.needId}`, undefined, [404, 200, 200, 200, 200, 200, 200, 200, 200]],
  [
    'PATCH',
    (o) => `/api/needs/${o.needId}`,
    { title: '改过的标题 A changed title', version: 999_999 },
    [401, 409, 409, 403, 403, 403, 403, 403, 409],
  ],
  [
    'GET',
    (o) => `/api/agreements/${o.agreementId}`,
    undefined,
    [401, 200, 200, 404, 200, 200, 200, 404, 200],
  ],
  [
    'PATCH',
    (o) => `/api/agreements/${o.agreementId}`,
    { title: '改过的协议 A changed agreement', version: 999_999 },
    [401, 403, 409, 404, 409, 409, 403, 404, 409],
  ],
  [
    'GET',
    (o) => `/api/agreements/${o.agreementId}/projects`,
    undefined,
    [401, 200, 200, 404, 200, 200, 200, 404, 200],
  ],
  [
    'POST',
    (o) => `/api/agreements/${o.agreementId}/projects`,
    { title: '项目 A project', ownerOrgId: '00000000-0000-4000-8000-000000000000' },
    [401, 400, 400, 404, 400, 400, 403, 404, 400],
  ],
  [
    'GET',
    (o) => `/api/agreements/${o.agreementId}/timeline`,
    undefined,
    [401, 200, 200, 404, 200, 200, 200, 404, 200],
  ],
];

describe('object level (API1) and property level (API3)', () => {
  let objects: Objects;
  const callers = (role: ObjectRole) => (role === 'visitor' ? null : who[role]);

  beforeAll(async () => {
    const needOp = operations.find((op) => key(op) === 'POST /api/needs')!;
    const need = await send('POST', '/api/needs', who.enterprise, {
      ...(sample(needOp.body!) as object),
      visibility: 'confidential',
    });
    expect(need.statusCode).toBe(201);
    const agreement = await runningAgreement(platform.app, who.enterprise, [
      who.enterprise.orgId,
      who.college.orgId,
    ]);
    objects = { orgId: who.enterprise.orgId, needId: need.json().id, agreementId: agreement.id };
  });

  it('answers own, other organisation and other region with the status of each row', async () => {
    const wrong: string[] = [];
    for (const [method, url, payload, expected] of OBJECT_LEVEL) {
      for (const [index, role] of OBJECT_ROLES.entries()) {
        const response = await send(method, url(objects), callers(role), payload);
        if (response.statusCode !== expected[index])
          wrong.push(`${method} ${url(objects)} as ${role}: ${response.statusCode}, not ${expected[index]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows outsiders only the anonymised summary of a confidential need, never its organisation or keywords', async () => {
    const url = `/api/needs/${objects.needId}`;
    const own = (await send('GET', url, who.member)).json();
    expect(own.org?.id).toBe(who.enterprise.orgId);
    for (const role of ['otherOrg', 'college', 'officer', 'otherRegion'] as const) {
      const seen = (await send('GET', url, who[role])).json();
      expect(seen.org, role).toBeNull();
      expect(seen.keywords, role).toEqual([]);
      expect(seen.description, role).not.toBe(own.description);
    }
  });

  it('refuses fields a caller may not set: the owner, the status and the org role outside their own moves', async () => {
    const needOp = operations.find((op) => key(op) === 'POST /api/needs')!;
    const forged = { ...(sample(needOp.body!) as object), orgId: who.otherOrg.orgId };
    expect((await send('POST', '/api/needs', who.member, forged)).statusCode).toBe(400);
    const patch = await send('PATCH', `/api/needs/${objects.needId}`, who.member, {
      status: 'closed',
      version: 1,
    });
    expect(patch.statusCode).toBe(400);
    const me = await send('PATCH', `/api/orgs/${who.enterprise.orgId}`, who.member, { industry: 'x' });
    expect(me.statusCode).toBe(403);
  });
});

// Last: its logout row ends every caller's session.
describe('function level (API5)', () => {
  it('has a row for every operation of the OpenAPI document, and none for a route that is gone', () => {
    expect(operations.map(key).sort()).toEqual(Object.keys(FUNCTION_LEVEL).sort());
  });

  it('lets signed-out visitors reach only what is public by design', () => {
    const reached = Object.entries(FUNCTION_LEVEL)
      .filter(([, statuses]) => statuses !== 'stream' && statuses[0] !== 401)
      .map(([operation]) => operation);
    expect(reached.sort()).toEqual([...SIGNED_OUT].sort());
  });

  it('answers each role with the status of its row', async () => {
    const ordered = Object.keys(FUNCTION_LEVEL)
      .map((k) => operations.find((op) => key(op) === k))
      .filter((op): op is Operation => Boolean(op));
    const wrong: string[] = [];
    for (const op of ordered) {
      const expected = FUNCTION_LEVEL[key(op)]!;
      for (const [index, role] of ROLES.entries()) {
        if (expected === 'stream' && role !== 'visitor') continue;
        const response = await send(
          op.method,
          fillPath(op),
          role === 'visitor' ? null : who[role],
          op.body ? sample(op.body) : undefined,
        );
        const want = expected === 'stream' ? 401 : expected[index];
        // API3: no answer to anyone carries a secret column.
        if (/password_?hash|token_?hash/i.test(response.body))
          wrong.push(`${key(op)} as ${role}: leaks a hash`);
        if (response.statusCode !== want)
          wrong.push(`${key(op)} as ${role}: ${response.statusCode}, not ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
