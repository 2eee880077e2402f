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
  'POST /api/orgs/{id}/invitations': [401, 404, 404, 404, 404, 404, 404],
  'GET /api/orgs': [200, 200, 200, 200, 200, 200, 200],
  'GET /api/orgs/{id}': [404, 404, 404, 404, 404, 404, 404],
  'PATCH /api/orgs/{id}': [401, 400, 400, 400, 400, 400, 400],
  'POST /api/orgs/{id}/verification': [401, 404, 404, 404, 404, 404, 404],
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
  'POST /api/notifications/{id}/read': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/notifications/read-all': [401, 200, 200, 200, 200, 200, 200],
  'GET /api/notifications/digest': [401, 200, 200, 200, 200, 200, 200],
  'POST /api/import/{kind}': [401, 400, 400, 400, 400, 400, 400],
  'GET /api/export/{kind}': [200, 200, 200, 200, 200, 200, 200],
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
    { kind: 'government', nameZh: '广东省科学技术厅', nameEn: 'Guangdong S&T Department', regionCode: '440000' },
    { verify: true },
  );
}, 120_000);
afterAll(() => platform?.close());

describe('function level (API5)', () => {
  it('has a row for every operation of the OpenAPI document, and none for a route that is gone', () => {
    expect(operations.map(key).sort()).toEqual(Object.keys(FUNCTION_LEVEL).sort());
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
        if (response.statusCode !== want) wrong.push(`${key(op)} as ${role}: ${response.statusCode}, not ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
