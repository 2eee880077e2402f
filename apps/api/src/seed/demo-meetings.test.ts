import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../db/schema/index.js';
import { caller } from '../modules/agreements/testing.js';
import { createTestPlatform, login, type TestPlatform } from '../test/harness.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoMeetings } from './demo-meetings.js';

const KEYS: Record<string, string> = {
  'Hengchuan CNC Machine Tools Co., Ltd.': 'hengchuan',
  'East Zhejiang University of Technology': 'university',
  'Qiantang Vocational and Technical College': 'vocational',
  'Zhijiang Machinery Industry Association': 'association',
};

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
  const orgs = await platform.database.db.select().from(organizations);
  const ids = new Map<string, string>();
  for (const o of orgs) {
    const key =
      KEYS[o.nameEn] ?? (o.kind === 'enterprise' ? o.nameEn.split(' ')[0]!.toLowerCase() : undefined);
    if (key) ids.set(key, o.id);
  }
  await seedDemoAgreements(platform.database.db, ids);
  await seedDemoMeetings(platform.database.db, ids);
  // Seeding the two meetings goes through every service call; generous for a busy machine.
}, 180_000);
afterAll(() => platform?.close());

describe('demo meetings', () => {
  it('show the coordinator a closed meeting with its outcomes and agreements, and one open for registration', async () => {
    const call = caller(platform.app);
    const coordinator = await login(platform.app, 'coordinator@demo.cn');
    const list = (await call('GET', '/api/meetings', coordinator)).json();
    expect(list.items.map((m: { status: string }) => m.status)).toEqual(['open', 'closed']);
    const [upcoming, past] = list.items;
    expect(upcoming.participantCount).toBe(7);
    const figures = (await call('GET', `/api/meetings/${past.id}/figures`, coordinator)).json();
    expect(figures).toMatchObject({
      requested: 7,
      accepted: 7,
      scheduled: 7,
      held: 6,
      noShow: 1,
      agreementsSigned: 5,
    });
    expect(figures.outcomes).toEqual({
      agreement_reached: 6,
      valuable_contact: 2,
      negotiation_started: 2,
      no_further_contact: 2,
    });
    // Each firm that signed sees its agreement with the college, its project list ready to fill.
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    const mine = (await call('GET', '/api/agreements?org=mine', enterprise)).json().items;
    const framework = mine.find((a: { parties: unknown[]; signedOn: string }) => a.parties.length === 2);
    expect(framework).toMatchObject({ status: 'signed', signedOn: past.date });
    const projects = (await call('GET', `/api/agreements/${framework.id}/projects`, enterprise)).json();
    expect(projects.total).toBe(6);
    // The enterprise, invited to the upcoming meeting, sees it among its invitations.
    const invitations = (await call('GET', '/api/meetings?role=participant', enterprise)).json().items;
    expect(invitations.map((m: { id: string }) => m.id)).toContain(upcoming.id);
  });
});
