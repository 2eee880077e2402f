import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema/index.js';
import { createTestPlatform, login, orgId, type LoggedIn, type TestPlatform } from '../../test/harness.js';

let platform: TestPlatform;
let enterprise: LoggedIn;
let college: LoggedIn;
let coordinator: LoggedIn;
let admin: LoggedIn;
const ids: Record<string, string> = {};

beforeAll(async () => {
  platform = await createTestPlatform();
  [enterprise, college, coordinator, admin] = (await Promise.all(
    ['enterprise@demo.cn', 'college@demo.cn', 'coordinator@demo.cn', 'admin@demo.cn'].map((email) =>
      login(platform.app, email),
    ),
  )) as [LoggedIn, LoggedIn, LoggedIn, LoggedIn];
  ids.association = await orgId(platform.app, 'Zhijiang Machinery Industry Association');
  ids.yuexi = await orgId(platform.app, 'Yuexi Intelligent Equipment Co., Ltd.');
  ids.government = await orgId(platform.app, 'Zhijiang Provincial Department of Science and Technology');
  ids.vocational = await orgId(platform.app, 'Qiantang Vocational and Technical College');
});
afterAll(() => platform?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: LoggedIn, payload?: object) =>
  platform.app.inject({
    method,
    url,
    ...(who ? { headers: who.headers } : {}),
    ...(payload ? { payload } : {}),
  });

describe('organisation profiles', () => {
  it('are public, paged and filterable', async () => {
    const page = await inject('GET', '/api/orgs?kind=enterprise&pageSize=2');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBe(4);
    expect(body.items.every((org: { kind: string }) => org.kind === 'enterprise')).toBe(true);
    const found = await inject('GET', `/api/orgs?q=${encodeURIComponent('理工')}`);
    expect(found.json().items.map((o: { nameEn: string }) => o.nameEn)).toEqual([
      'East Zhejiang University of Technology',
    ]);
    const detail = (await inject('GET', `/api/orgs/${enterprise.orgId}`)).json();
    expect(detail.memberOfAssociations.map((a: { id: string }) => a.id)).toEqual([ids.association]);
  });

  it('answers 404 for an unknown organisation and 400 for a malformed id', async () => {
    expect((await inject('GET', '/api/orgs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const malformed = await inject('GET', '/api/orgs/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('params.id');
  });

  it('are edited by their own admin and nobody else in another organisation', async () => {
    const own = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, enterprise, {
      description: '五轴加工中心 five-axis machining centres',
    });
    expect(own.statusCode).toBe(200);
    // Designations come from verified certificates only; the profile cannot set them.
    expect(own.json().designations).toEqual(['high_tech', 'specialized_sophisticated']);
    const claimed = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, enterprise, {
      designations: ['little_giant'],
    });
    expect(claimed.statusCode).toBe(400);
    expect(JSON.stringify(claimed.json().error.details)).toContain('designations');

    const foreign = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, college, {
      nameEn: 'Hijacked Ltd',
    });
    expect(foreign.statusCode).toBe(403);
    const anonymous = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, undefined, {
      nameEn: 'Hijacked Ltd',
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await inject('GET', `/api/orgs/${enterprise.orgId}`)).json().nameEn).toBe(
      'Hengchuan CNC Machine Tools Co., Ltd.',
    );
  });

  it('refuse unknown properties and bad values without changing anything', async () => {
    const unknown = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, enterprise, { verified: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toEqual({
      field: 'body.verified',
      problem: 'is not an allowed property',
      rule: 'not_allowed',
    });
    const badRegion = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, enterprise, {
      regionCode: '999999',
    });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().error.details[0].field).toBe('body.regionCode');
    const empty = await inject('PATCH', `/api/orgs/${enterprise.orgId}`, enterprise, {});
    expect(empty.statusCode).toBe(400);
  });
});

describe('people of an organisation', () => {
  it('are visible to the organisation, its association coordinator and admins only', async () => {
    expect((await inject('GET', `/api/orgs/${enterprise.orgId}/users`, enterprise)).statusCode).toBe(200);
    expect((await inject('GET', `/api/orgs/${enterprise.orgId}/users`, coordinator)).statusCode).toBe(200);
    expect((await inject('GET', `/api/orgs/${enterprise.orgId}/users`, admin)).statusCode).toBe(200);
    const foreign = await inject('GET', `/api/orgs/${enterprise.orgId}/users`, college);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).not.toContain('enterprise@demo.cn');
    // The vocational college is not a member of the association: outside the coordinator's scope.
    expect((await inject('GET', `/api/orgs/${ids.vocational}/users`, coordinator)).statusCode).toBe(403);
  });
});

describe('verification', () => {
  it('is granted by the coordinator of the association the organisation belongs to, with an event', async () => {
    const reason = 'Business licence checked against the market regulator register';
    const missing = await inject('POST', `/api/orgs/${ids.yuexi}/verification`, coordinator, {
      verified: true,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const tooLong = await inject('POST', `/api/orgs/${ids.yuexi}/verification`, coordinator, {
      verified: true,
      reason: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json().error.details)).toContain('body.reason');

    const verified = await inject('POST', `/api/orgs/${ids.yuexi}/verification`, coordinator, {
      verified: true,
      reason,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true, reason, files: [] });
    expect((await inject('GET', `/api/orgs/${ids.yuexi}`)).json().verified).toBe(true);
    // The reason is kept with the decision, for the organisation and its verifiers, and in the audit log.
    const history = await inject('GET', `/api/orgs/${ids.yuexi}/verifications`, coordinator);
    expect(history.json()).toEqual([verified.json()]);
    expect((await inject('GET', `/api/orgs/${ids.yuexi}/verifications`, college)).statusCode).toBe(403);
    const audit = await inject('GET', '/api/admin/audit?pageSize=5', admin);
    expect(JSON.stringify(audit.json())).toContain(reason);
    const logged = await platform.database.db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.entityId, ids.yuexi!), eq(events.action, 'verified')));
    expect(logged[0]!.n).toBe(1);
  });

  it('is refused to coordinators outside their scope and to ordinary organisations', async () => {
    expect(
      (
        await inject('POST', `/api/orgs/${ids.government}/verification`, coordinator, {
          verified: false,
          reason: 'Not checked',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await inject('POST', `/api/orgs/${ids.yuexi}/verification`, enterprise, {
          verified: false,
          reason: 'Not checked',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await inject('POST', `/api/orgs/${enterprise.orgId}/verification`, enterprise, {
          verified: true,
          reason: 'Looks fine',
        })
      ).statusCode,
    ).toBe(403);
    expect((await inject('GET', `/api/orgs/${ids.yuexi}`)).json().verified).toBe(true);
  });
});

describe('association members', () => {
  it('are listed publicly and managed by the association coordinator only', async () => {
    const list = await inject('GET', `/api/orgs/${ids.association}/members?pageSize=100`);
    expect(list.json().total).toBe(5);
    const unverified = (await inject('GET', `/api/orgs/${ids.association}/members?verified=false`)).json();
    expect(unverified.items.every((org: { verified: boolean }) => !org.verified)).toBe(true);
    expect(
      (await inject('POST', `/api/orgs/${ids.association}/members`, enterprise, { orgId: ids.vocational }))
        .statusCode,
    ).toBe(403);
    const added = await inject('POST', `/api/orgs/${ids.association}/members`, coordinator, {
      orgId: ids.vocational,
    });
    expect(added.statusCode).toBe(201);
    expect((await inject('GET', `/api/orgs/${ids.association}/members`)).json().total).toBe(6);
    const government = await inject('POST', `/api/orgs/${ids.association}/members`, coordinator, {
      orgId: ids.government,
    });
    expect(government.statusCode).toBe(400);
    expect(
      (await inject('DELETE', `/api/orgs/${ids.association}/members/${ids.vocational}`, college)).statusCode,
    ).toBe(403);
    expect(
      (await inject('DELETE', `/api/orgs/${ids.association}/members/${ids.vocational}`, coordinator))
        .statusCode,
    ).toBe(204);
    expect((await inject('GET', `/api/orgs/${enterprise.orgId}/members`)).statusCode).toBe(404);
  });
});

describe('platform', () => {
  it('reports health and serves its OpenAPI document', async () => {
    const health = await inject('GET', '/api/health');
    expect(health.json()).toMatchObject({ status: 'ok', database: { ok: true } });
    const docs = await inject('GET', '/api/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/orgs/{id}');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await inject('GET', '/api/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
