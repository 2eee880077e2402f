import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../db/schema/index.js';
import {
  createTestPlatform,
  freshAddress,
  login,
  orgId,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';

let platform: TestPlatform;
let enterprise: LoggedIn;
let college: LoggedIn;
let coordinator: LoggedIn;

beforeAll(async () => {
  platform = await createTestPlatform();
  [enterprise, college, coordinator] = (await Promise.all(
    ['enterprise@demo.cn', 'college@demo.cn', 'coordinator@demo.cn'].map((email) =>
      login(platform.app, email),
    ),
  )) as [LoggedIn, LoggedIn, LoggedIn];
});
afterAll(() => platform?.close());

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, who?: LoggedIn, payload?: object) =>
  platform.app.inject({
    method,
    url,
    ...(who ? { headers: who.headers } : {}),
    ...(payload ? { payload } : {}),
  });

const spindle = {
  title: '高速电主轴热变形补偿技术',
  description:
    '我公司生产的五轴加工中心在高速运转时电主轴热变形较大，影响加工精度，寻求热误差建模与补偿技术合作。',
  fields: ['machinery.cnc'],
  keywords: ['电主轴', '热变形', '误差补偿'],
  cooperationTypes: ['joint_rnd', 'technical_service'],
  budgetMin: 300_000,
  budgetMax: 800_000,
  deadline: '2027-06-30',
};

const needCount = async () => (await platform.database.db.select({ n: count() }).from(needs))[0]!.n;

describe('posting needs', () => {
  it('publishes a verified enterprise need at once and shows it to everyone', async () => {
    const created = await call('POST', '/api/needs', enterprise, spindle);
    expect(created.statusCode).toBe(201);
    const need = created.json();
    expect(need).toMatchObject({ status: 'open', visibility: 'public', canEdit: true, regionCode: '331000' });
    const anonymous = await call('GET', `/api/needs/${need.id}`);
    expect(anonymous.json()).toMatchObject({ title: spindle.title, canEdit: false });
    expect(anonymous.json().org.nameEn).toBe('Hengchuan CNC Machine Tools Co., Ltd.');
  });

  it('refuses colleges posting needs, and bad input, writing nothing', async () => {
    const before = await needCount();
    expect((await call('POST', '/api/needs', college, spindle)).statusCode).toBe(403);
    const unknown = await call('POST', '/api/needs', enterprise, { ...spindle, secret: 1 });
    expect(unknown.json().error.details).toContainEqual({
      field: 'body.secret',
      problem: 'is not an allowed property',
      rule: 'not_allowed',
    });
    const badField = await call('POST', '/api/needs', enterprise, { ...spindle, fields: ['astrology'] });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.details[0]).toMatchObject({ field: 'body.fields.0', rule: 'not_one_of' });
    const badBudget = await call('POST', '/api/needs', enterprise, {
      ...spindle,
      budgetMin: 9,
      budgetMax: 1,
    });
    expect(badBudget.json().error.details[0].field).toBe('body.budgetMax');
    const long = await call('POST', '/api/needs', enterprise, {
      ...spindle,
      description: '长'.repeat(20_001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toEqual({
      field: 'body.description',
      problem: 'must not have more than 20000 characters',
      rule: 'too_long',
      limit: 20_000,
    });
    const huge = await call('POST', '/api/needs', enterprise, {
      ...spindle,
      description: 'x'.repeat(1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect((await call('POST', '/api/needs', undefined, spindle)).statusCode).toBe(401);
    expect(await needCount()).toBe(before);
  });
});

describe('visibility', () => {
  let membersOnly: string;
  let confidential: string;

  beforeAll(async () => {
    membersOnly = (
      await call('POST', '/api/needs', enterprise, {
        ...spindle,
        title: '会员可见的轴承需求',
        visibility: 'members',
      })
    ).json().id;
    confidential = (
      await call('POST', '/api/needs', enterprise, {
        ...spindle,
        title: '保密的新型液压阀研发',
        visibility: 'confidential',
      })
    ).json().id;
  });

  it('keeps members-only needs from anonymous visitors', async () => {
    expect((await call('GET', `/api/needs/${membersOnly}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/needs/${membersOnly}`, college)).statusCode).toBe(200);
    const titles = (await call('GET', '/api/needs?pageSize=100'))
      .json()
      .items.map((n: { title: string }) => n.title);
    expect(titles).not.toContain('会员可见的轴承需求');
  });

  it('shows outsiders only an anonymised summary of a confidential need', async () => {
    const outsider = (await call('GET', `/api/needs/${confidential}`, college)).json();
    expect(outsider.anonymised).toBe(true);
    expect(outsider.org).toBeNull();
    expect(outsider.budgetMin).toBeNull();
    expect(JSON.stringify(outsider)).not.toContain('液压阀');
    expect(outsider.title).toContain('保密需求');
    const owner = (await call('GET', `/api/needs/${confidential}`, enterprise)).json();
    expect(owner).toMatchObject({ anonymised: false, title: '保密的新型液压阀研发' });
    expect((await call('GET', `/api/needs/${confidential}`)).statusCode).toBe(404);
    const collegeList = (await call('GET', '/api/needs?pageSize=100', college)).json();
    expect(JSON.stringify(collegeList)).not.toContain('液压阀');
    const mine = (await call('GET', '/api/needs?org=mine&pageSize=100', enterprise)).json();
    expect(mine.items.map((n: { id: string }) => n.id)).toContain(confidential);
  });
});

describe('editing', () => {
  it('lets only the owner edit, and answers a stale version with 409 and the current state', async () => {
    const need = (
      await call('POST', '/api/needs', enterprise, { ...spindle, title: '主轴轴承寿命预测' })
    ).json();
    const foreign = await call('PATCH', `/api/needs/${need.id}`, college, {
      title: '被篡改的标题',
      version: need.version,
    });
    expect(foreign.statusCode).toBe(403);
    const first = await call('PATCH', `/api/needs/${need.id}`, enterprise, {
      title: '主轴轴承剩余寿命预测',
      version: need.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(need.version + 1);
    const stale = await call('PATCH', `/api/needs/${need.id}`, enterprise, {
      title: '过期的修改',
      version: need.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('主轴轴承剩余寿命预测');
  });

  it('closes and reopens through status moves', async () => {
    const need = (await call('POST', '/api/needs', enterprise, { ...spindle, title: '关闭测试需求' })).json();
    const closed = await call('POST', `/api/needs/${need.id}/transitions`, enterprise, { action: 'close' });
    expect(closed.json().status).toBe('closed');
    expect((await call('GET', `/api/needs/${need.id}`)).statusCode).toBe(404);
    const again = await call('POST', `/api/needs/${need.id}/transitions`, enterprise, { action: 'close' });
    expect(again.statusCode).toBe(409);
    const reopened = await call('POST', `/api/needs/${need.id}/transitions`, enterprise, {
      action: 'reopen',
    });
    expect(reopened.json().status).toBe('draft');
  });
});

describe('lists', () => {
  it('count every listing a reader may see, and follow each write at once', async () => {
    const total = async () => (await call('GET', '/api/needs?pageSize=1', college)).json().total as number;
    const before = await total();
    expect(before).toBeGreaterThan(0);
    const need = (
      await call('POST', '/api/needs', enterprise, { ...spindle, title: '主轴轴承预紧力在线监测' })
    ).json();
    expect(await total()).toBe(before + 1);
    const page = (await call('GET', '/api/needs?pageSize=1', college)).json();
    expect(page.items.map((n: { id: string }) => n.id)).toEqual([need.id]);
    await call('POST', `/api/needs/${need.id}/transitions`, enterprise, { action: 'close' });
    expect(await total()).toBe(before);
  });
});

describe('review of unverified organisations', () => {
  it('queues their needs for the association coordinator, who approves or returns them with a reason', async () => {
    const registered = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: freshAddress(),
      payload: {
        email: 'boss@newfirm.cn',
        password: 'new-firm-password',
        displayName: 'Boss',
        organization: {
          kind: 'enterprise',
          nameZh: '新晋模具厂',
          nameEn: 'Newcomer Moulds',
          regionCode: '331000',
        },
      },
    });
    const newcomer = await login(platform.app, 'boss@newfirm.cn', 'new-firm-password');
    const association = await orgId(platform.app, 'Zhijiang Machinery Industry Association');
    await call('POST', `/api/orgs/${association}/members`, coordinator, {
      orgId: registered.json().user.organization.id,
    });

    const first = (
      await call('POST', '/api/needs', newcomer, { ...spindle, title: '注塑模具随形冷却水路设计' })
    ).json();
    const second = (
      await call('POST', '/api/needs', newcomer, { ...spindle, title: '模具钢热处理变形控制' })
    ).json();
    expect(first.status).toBe('pending_review');
    expect((await call('GET', `/api/needs/${first.id}`, college)).statusCode).toBe(404);

    const queue = (await call('GET', '/api/review-queue?type=need', coordinator)).json();
    expect(queue.items.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect((await call('GET', '/api/review-queue?type=need', enterprise)).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/needs/${first.id}/transitions`, newcomer, { action: 'approve' })).statusCode,
    ).toBe(403);

    const approved = await call('POST', `/api/needs/${first.id}/transitions`, coordinator, {
      action: 'approve',
    });
    expect(approved.json().status).toBe('open');
    const noReason = await call('POST', `/api/needs/${second.id}/transitions`, coordinator, {
      action: 'return',
    });
    expect(noReason.json().error.details[0].field).toBe('body.reason');
    await call('POST', `/api/needs/${second.id}/transitions`, coordinator, {
      action: 'return',
      reason: '请补充预算与交付要求',
    });
    const returned = (await call('GET', `/api/needs/${second.id}`, newcomer)).json();
    expect(returned).toMatchObject({ status: 'draft', reviewNote: '请补充预算与交付要求' });
  });
});
