import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, events, matches } from '../../db/schema/index.js';
import {
  createTestPlatform,
  freshAddress,
  login,
  registerOrg,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';
import { caller, frameworkTerms, logins, runningAgreement } from './testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let coordinator: LoggedIn;
let enterprise: LoggedIn;
let college: LoggedIn;
let vocational: LoggedIn;
let outsider: LoggedIn;
let gov: LoggedIn;
let admin: LoggedIn;
let engineer: LoggedIn;
/** A verified government office of another province. */
let otherProvince: LoggedIn;
let threeParties: string[];

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [coordinator, enterprise, college, vocational, outsider, gov, admin] = await logins(platform.app, [
    'coordinator',
    'enterprise',
    'college',
    'vocational',
    'ouyue',
    'gov',
    'admin',
  ]);
  threeParties = [enterprise.orgId, college.orgId, vocational.orgId];
  // A member (not an administrator) of the enterprise.
  const invitation = await call('POST', `/api/orgs/${enterprise.orgId}/invitations`, enterprise, {
    email: 'engineer@hengchuan.cn',
    orgRole: 'member',
  });
  await platform.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: freshAddress(),
    payload: {
      email: 'engineer@hengchuan.cn',
      password: 'engineer-password',
      displayName: 'Engineer',
      invitationToken: invitation.json().token,
    },
  });
  engineer = await login(platform.app, 'engineer@hengchuan.cn', 'engineer-password');
  otherProvince = await registerOrg(
    platform.app,
    'officer@js.gov.cn',
    { kind: 'government', nameZh: '江苏省科技厅', nameEn: 'Jiangsu S&T Department', regionCode: '320000' },
    { verify: true },
  );
});
afterAll(() => platform?.close());

const move = (id: string, who: LoggedIn, body: object) =>
  call('POST', `/api/agreements/${id}/transitions`, who, body);
const rowCounts = async () => {
  const { db } = platform.database;
  const [[a], [e]] = await Promise.all([
    db.select({ n: count() }).from(agreements),
    db.select({ n: count() }).from(events),
  ]);
  return { agreements: a!.n, events: e!.n };
};

describe('a three-party framework agreement', () => {
  it('is proposed by the coordinator, who brokers it, and signed through the API with every step in the timeline', async () => {
    const unsigned = frameworkTerms(threeParties);
    unsigned.parties[2] = { orgId: vocational.orgId, signatoryName: null, signatoryTitle: null };
    const created = await call('POST', '/api/agreements', coordinator, unsigned);
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      status: 'draft',
      type: 'framework',
      version: 1,
      valueYuan: 3_000_000,
      canManage: true,
    });
    expect(draft.broker.nameEn).toBe('Zhijiang Machinery Industry Association');
    expect(draft.parties.map((p: { org: { id: string } }) => p.org.id)).toEqual(threeParties);
    // The brokering coordinator of a three-party agreement may also end it alone.
    expect(draft.allowedActions).toEqual(['negotiate', 'sign', 'terminate']);
    expect((await call('GET', `/api/agreements/${draft.id}`, vocational)).json().allowedActions).toEqual([
      'negotiate',
      'sign',
      'terminate',
    ]);

    const negotiating = (await move(draft.id, enterprise, { action: 'negotiate', version: 1 })).json();
    expect(negotiating).toMatchObject({ status: 'negotiating', version: 2 });
    const unsignedParty = await move(draft.id, coordinator, { action: 'sign', version: 2 });
    expect(unsignedParty.statusCode).toBe(400);
    expect(unsignedParty.json().error.details[0]).toMatchObject({
      field: 'body.signatories',
      problem: expect.stringContaining('钱塘职业技术学院'),
      rule: 'required',
    });
    const signed = (
      await move(draft.id, coordinator, {
        action: 'sign',
        version: 2,
        signedOn: '2026-03-18',
        signatories: [{ orgId: vocational.orgId, signatoryName: '郑芳', signatoryTitle: '院长' }],
      })
    ).json();
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-03-18' });
    expect(signed.parties[2]).toMatchObject({ signatoryName: '郑芳', signatoryTitle: '院长' });
    const active = (await move(draft.id, college, { action: 'activate', version: signed.version })).json();
    expect(active.status).toBe('active');

    const timeline = (await call('GET', `/api/agreements/${draft.id}/timeline`, vocational)).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual([
      'activate',
      'sign',
      'negotiate',
      'created',
    ]);
    expect(timeline.items[1]).toMatchObject({
      entityType: 'agreement',
      before: { status: 'negotiating' },
      after: { status: 'signed', signedOn: '2026-03-18' },
      actor: { displayName: '王敏 Wang Min', orgNameEn: 'Zhijiang Machinery Industry Association' },
    });
    const mine = (await call('GET', '/api/agreements?org=mine&status=active', vocational)).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(draft.id);
  });
});

describe('moves per role', () => {
  it('lets party administrators, the brokering coordinator and platform admins move it, and no one else', async () => {
    const { id } = (await call('POST', '/api/agreements', enterprise, frameworkTerms(threeParties))).json();
    const member = await call('GET', `/api/agreements/${id}`, engineer);
    expect(member.json()).toMatchObject({ allowedActions: [], canManage: false, canWork: true });
    expect((await move(id, engineer, { action: 'negotiate', version: 1 })).statusCode).toBe(403);
    expect((await move(id, outsider, { action: 'negotiate', version: 1 })).statusCode).toBe(404);
    // The provincial officer reads it but moves nothing.
    expect((await move(id, gov, { action: 'negotiate', version: 1 })).statusCode).toBe(403);
    expect(
      (await move(id, coordinator, { action: 'terminate', version: 1, reason: '不合作了' })).statusCode,
    ).toBe(403);
    expect((await move(id, coordinator, { action: 'complete', version: 1 })).json().error.code).toBe(
      // not its broker: with three parties, ending it is the parties' or the broker's
      'forbidden',
    );
    expect(
      (await move(id, enterprise, { action: 'terminate', version: 1 })).json().error.details[0].field,
    ).toBe('body.reason');
    expect((await move(id, admin, { action: 'negotiate', version: 1 })).json().status).toBe('negotiating');
    // Three parties: one party's word only confirms; the agreement ends when every party has confirmed.
    const confirmed = await move(id, college, { action: 'terminate', version: 2, reason: '合作方向调整' });
    expect(confirmed.json()).toMatchObject({
      status: 'negotiating',
      confirmations: [{ action: 'terminate', orgId: college.orgId }],
    });
    await move(id, enterprise, { action: 'terminate', version: 2, reason: '合作方向调整' });
    const ended = await move(id, vocational, { action: 'terminate', version: 2, reason: '合作方向调整' });
    expect(ended.json()).toMatchObject({
      status: 'terminated',
      allowedActions: [],
      canManage: false,
      confirmations: [],
    });
    expect(
      (await call('PATCH', `/api/agreements/${id}`, college, { title: '终止后修改', version: 3 })).json()
        .error.code,
    ).toBe('agreement_closed');
  });

  it('completes a multi-party agreement on every party’s confirmation, or on the brokering coordinator’s word alone', async () => {
    const byParties = await runningAgreement(platform.app, enterprise, threeParties);
    const first = await move(byParties.id, enterprise, { action: 'complete', version: byParties.version });
    expect(first.json()).toMatchObject({
      status: 'active',
      confirmations: [{ action: 'complete', orgId: enterprise.orgId }],
    });
    // Confirming twice changes nothing; a member (not an administrator) of a party cannot confirm.
    await move(byParties.id, enterprise, { action: 'complete', version: byParties.version });
    expect(
      (await move(byParties.id, engineer, { action: 'complete', version: byParties.version })).statusCode,
    ).toBe(403);
    // A coordinator who did not broker it cannot end it either.
    expect(
      (await move(byParties.id, coordinator, { action: 'complete', version: byParties.version })).statusCode,
    ).toBe(403);
    await move(byParties.id, college, { action: 'complete', version: byParties.version });
    expect((await call('GET', `/api/agreements/${byParties.id}`, vocational)).json().status).toBe('active');
    const done = await move(byParties.id, vocational, { action: 'complete', version: byParties.version });
    expect(done.json()).toMatchObject({ status: 'completed' });
    const timeline = (await call('GET', `/api/agreements/${byParties.id}/timeline`, college)).json();
    expect(timeline.items.slice(0, 4).map((e: { action: string }) => e.action)).toEqual([
      'complete',
      'confirm_complete',
      'confirm_complete',
      'confirm_complete',
    ]);

    const brokered = await runningAgreement(platform.app, coordinator, threeParties);
    expect((await call('GET', `/api/agreements/${brokered.id}`, coordinator)).json().allowedActions).toEqual([
      'complete',
      'terminate',
    ]);
    const ended = await move(brokered.id, coordinator, {
      action: 'terminate',
      version: brokered.version,
      reason: '协会协调终止',
    });
    expect(ended.json()).toMatchObject({ status: 'terminated' });
  });

  it('refuses proposals by those who could not manage the result', async () => {
    const before = await rowCounts();
    // An administrator of an organisation that is not a party.
    expect((await call('POST', '/api/agreements', outsider, frameworkTerms(threeParties))).statusCode).toBe(
      403,
    );
    // A coordinator, for organisations outside the association.
    expect(
      (await call('POST', '/api/agreements', coordinator, frameworkTerms([vocational.orgId, gov.orgId])))
        .statusCode,
    ).toBe(403);
    expect((await call('POST', '/api/agreements', engineer, frameworkTerms(threeParties))).statusCode).toBe(
      403,
    );
    const twice = await call(
      'POST',
      '/api/agreements',
      enterprise,
      frameworkTerms([enterprise.orgId, enterprise.orgId]),
    );
    expect(twice.json().error.details[0].field).toBe('body.parties.1.orgId');
    const alone = await call('POST', '/api/agreements', enterprise, frameworkTerms([enterprise.orgId]));
    expect(alone.statusCode).toBe(400);
    const backwards = await call('POST', '/api/agreements', enterprise, {
      ...frameworkTerms(threeParties),
      endDate: '2025-01-01',
    });
    expect(backwards.json().error.details[0].field).toBe('body.endDate');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('a non-party organisation', () => {
  it('can neither read nor change the agreement, its projects or checklist, and nothing is written (nor can an officer of another province)', async () => {
    const agreement = await runningAgreement(platform.app, enterprise, threeParties);
    const project = (
      await call('POST', `/api/agreements/${agreement.id}/projects`, college, {
        title: '共建机械分析测试中心',
        ownerOrgId: college.orgId,
      })
    ).json();
    const item = (
      await call('POST', `/api/projects/${project.id}/items`, college, {
        title: '设备清单确认',
        responsible: 'joint',
      })
    ).json();
    const before = await rowCounts();
    for (const who of [outsider, otherProvince]) {
      const attempts = await Promise.all([
        call('GET', `/api/agreements/${agreement.id}`, who),
        call('PATCH', `/api/agreements/${agreement.id}`, who, { title: '篡改', version: agreement.version }),
        call('GET', `/api/agreements/${agreement.id}/timeline`, who),
        call('GET', `/api/agreements/${agreement.id}/projects`, who),
        call('POST', `/api/agreements/${agreement.id}/projects`, who, {
          title: '外来项目',
          ownerOrgId: who.orgId,
        }),
        call('GET', `/api/projects/${project.id}`, who),
        call('PATCH', `/api/projects/${project.id}`, who, { title: '篡改', version: project.version }),
        call('PATCH', `/api/items/${item.id}`, who, { status: 'done', version: item.version }),
        call('GET', `/api/agreements/${agreement.id}/projects/export?format=csv`, who),
      ]);
      expect(attempts.map((r) => r.statusCode)).toEqual(Array(attempts.length).fill(404));
      const lists = await Promise.all(
        ['/api/agreements', '/api/projects', '/api/tasks'].map((url) =>
          call('GET', `${url}?pageSize=100`, who),
        ),
      );
      for (const list of lists) expect(JSON.stringify(list.json())).not.toContain(agreement.id);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe('a government officer of the region', () => {
  it('reads the agreement, its projects, checklist and timeline, and changes none of them', async () => {
    const agreement = await runningAgreement(platform.app, enterprise, threeParties);
    const project = (
      await call('POST', `/api/agreements/${agreement.id}/projects`, college, {
        title: '数控系统联合攻关',
        ownerOrgId: college.orgId,
      })
    ).json();
    const item = (
      await call('POST', `/api/projects/${project.id}/items`, college, {
        title: '样机验收',
        responsible: 'joint',
      })
    ).json();
    const read = await call('GET', `/api/agreements/${agreement.id}`, gov);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ allowedActions: [], canManage: false, canWork: false });
    const reads = await Promise.all([
      call('GET', `/api/agreements/${agreement.id}/timeline`, gov),
      call('GET', `/api/agreements/${agreement.id}/projects`, gov),
      call('GET', `/api/projects/${project.id}`, gov),
      call('GET', `/api/agreements/${agreement.id}/projects/export?format=csv`, gov),
    ]);
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const listed = await call('GET', '/api/agreements?pageSize=100', gov);
    expect(listed.json().items.map((a: { id: string }) => a.id)).toContain(agreement.id);
    const before = await rowCounts();
    const changes = await Promise.all([
      call('PATCH', `/api/agreements/${agreement.id}`, gov, { title: '篡改', version: agreement.version }),
      move(agreement.id, gov, { action: 'complete', version: agreement.version }),
      call('POST', `/api/agreements/${agreement.id}/projects`, gov, {
        title: '外来项目',
        ownerOrgId: college.orgId,
      }),
      call('PATCH', `/api/projects/${project.id}`, gov, { title: '篡改', version: project.version }),
      call('PATCH', `/api/items/${item.id}`, gov, { status: 'done', version: item.version }),
    ]);
    expect(changes.map((r) => r.statusCode)).toEqual(Array(changes.length).fill(403));
    expect(await rowCounts()).toEqual(before);
  });

  it('is an officer only once the government organisation is verified', async () => {
    const agreement = await runningAgreement(platform.app, enterprise, threeParties);
    const unverified = await registerOrg(platform.app, 'officer@tz.gov.cn', {
      kind: 'government',
      nameZh: '台州市科技局（未核验）',
      nameEn: 'Taizhou S&T Bureau (unverified)',
      regionCode: '331000',
    });
    expect((await call('GET', `/api/agreements/${agreement.id}`, unverified)).statusCode).toBe(404);
  });
});

describe('concurrency', () => {
  it('answers a stale update with 409 and the current state, never overwriting', async () => {
    const { id } = (await call('POST', '/api/agreements', enterprise, frameworkTerms(threeParties))).json();
    const first = await call('PATCH', `/api/agreements/${id}`, college, {
      title: '产学研合作框架协议（修订）',
      version: 1,
    });
    expect(first.json()).toMatchObject({ version: 2, title: '产学研合作框架协议（修订）' });
    const stale = await call('PATCH', `/api/agreements/${id}`, enterprise, { valueYuan: 1, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { version: 2, valueYuan: 3_000_000 } },
    });
    expect((await move(id, enterprise, { action: 'negotiate', version: 1 })).statusCode).toBe(409);
    const timeline = (await call('GET', `/api/agreements/${id}/timeline`, enterprise)).json();
    expect(timeline.items[0]).toMatchObject({
      action: 'updated',
      before: { title: expect.any(String) },
      after: { title: '产学研合作框架协议（修订）' },
    });
    expect(timeline.total).toBe(2);
  });
});

describe('from a match', () => {
  it('moves the match to agreed in the same transaction, and refuses a match between other organisations', async () => {
    const { db } = platform.database;
    const need = (
      await call('POST', '/api/needs', enterprise, {
        title: '电主轴热误差补偿合作',
        description: '寻求高校合作开发电主轴热误差补偿模块。',
        fields: ['machinery.cnc'],
      })
    ).json();
    const capability = (
      await call('POST', '/api/capabilities', college, {
        kind: 'research_team',
        title: '误差补偿研究团队',
        description: '长期从事机床误差建模与补偿研究。',
      })
    ).json();
    const [match] = await db
      .insert(matches)
      .values({ needId: need.id, capabilityId: capability.id, score: 0.9, stage: 'negotiating' })
      .returning();
    const terms = {
      ...frameworkTerms([enterprise.orgId, college.orgId]),
      type: 'project',
      matchId: match!.id,
    };
    const wrong = await call('POST', '/api/agreements', enterprise, {
      ...terms,
      parties: terms.parties
        .slice(0, 1)
        .concat({ orgId: vocational.orgId, signatoryName: 'x', signatoryTitle: 'y' }),
    });
    expect(wrong.json().error.details[0].field).toBe('body.matchId');
    const created = await call('POST', '/api/agreements', enterprise, terms);
    expect(created.json()).toMatchObject({ matchId: match!.id, type: 'project' });
    const [moved] = await db.select().from(matches).where(eq(matches.id, match!.id));
    expect(moved).toMatchObject({ stage: 'agreed', version: 2 });
    const [event] = await db.select().from(events).where(eq(events.entityId, match!.id));
    expect(event).toMatchObject({
      action: 'agreed',
      before: { stage: 'negotiating' },
      after: { stage: 'agreed', agreementId: created.json().id },
    });
  });
});
