import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../db/schema/index.js';
import { caller } from '../modules/agreements/testing.js';
import { createTestPlatform, login, type TestPlatform } from '../test/harness.js';
import { seedDemoAgreements } from './demo-agreements.js';

const KEYS: Record<string, string> = {
  'Hengchuan CNC Machine Tools Co., Ltd.': 'hengchuan',
  'East Zhejiang University of Technology': 'university',
  'Qiantang Vocational and Technical College': 'vocational',
};

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
  const orgs = await platform.database.db.select().from(organizations);
  await seedDemoAgreements(
    platform.database.db,
    new Map(orgs.filter((o) => KEYS[o.nameEn]).map((o) => [KEYS[o.nameEn]!, o.id])),
  );
});
afterAll(() => platform?.close());

describe('demo agreements', () => {
  it('give the enterprise a running three-party agreement with three projects, some items done and one overdue', async () => {
    const call = caller(platform.app);
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    const [agreement] = (await call('GET', '/api/agreements?org=mine', enterprise)).json().items;
    expect(agreement).toMatchObject({
      status: 'active',
      type: 'framework',
      broker: { nameEn: 'Zhijiang Machinery Industry Association' },
    });
    expect(agreement.parties).toHaveLength(3);
    const projects = (await call('GET', `/api/agreements/${agreement.id}/projects`, enterprise)).json().items;
    expect(projects.map((p: { checklist: object }) => p.checklist)).toEqual([
      { done: 1, total: 3, overdue: 0 },
      { done: 1, total: 3, overdue: 1 },
      { done: 1, total: 2, overdue: 0 },
    ]);
    const tasks = (await call('GET', '/api/tasks?status=overdue', enterprise)).json().items;
    expect(tasks.map((t: { title: string }) => t.title)).toEqual(['企业实训基地挂牌']);
  });
});
