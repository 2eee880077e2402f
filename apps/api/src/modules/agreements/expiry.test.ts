import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.js';
import { createTestPlatform, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { createAccessPolicy } from '../access/policy.js';
import { createLiveFeed } from '../events/live.js';
import { createNotificationService } from '../notifications/service.js';
import type { NotificationMessage } from '../notifications/sender.js';
import { createOrgRepository } from '../orgs/repository.js';
import { addDays, platformDate } from './dates.js';
import { createJournal } from './journal.js';
import { createAgreementService, type AgreementService } from './service.js';
import { caller, logins, runningAgreement } from './testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let college: LoggedIn;
let agreements: AgreementService;
const delivered: NotificationMessage[] = [];

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [enterprise, college] = await logins(platform.app, ['enterprise', 'college']);
  const { db } = platform.database;
  // The service the app's hourly check calls, on the same database.
  agreements = createAgreementService({
    db,
    access: createAccessPolicy({ orgs: createOrgRepository() }),
    journal: createJournal(db, createLiveFeed(platform.database)),
    notifications: createNotificationService({
      db,
      sender: { send: async (messages) => void delivered.push(...messages) },
    }),
  });
});
afterAll(() => platform?.close());

const warningsOf = (agreementId: string) =>
  platform.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.entityId, agreementId), eq(notifications.kind, 'agreement_expiring')));

describe('expiry', () => {
  it('expires agreements past their end date and warns the parties of those ending within 30 days, once', async () => {
    const today = platformDate();
    const parties = [enterprise.orgId, college.orgId];
    const ended = await runningAgreement(platform.app, enterprise, parties, {
      startDate: '2024-01-01',
      endDate: addDays(today, -1),
    });
    const ending = await runningAgreement(platform.app, enterprise, parties, {
      startDate: '2024-01-01',
      endDate: addDays(today, 10),
    });
    const later = await runningAgreement(platform.app, enterprise, parties, {
      startDate: '2024-01-01',
      endDate: addDays(today, 100),
    });
    expect((await call('GET', `/api/agreements/${ending.id}`, college)).json().expiringSoon).toBe(true);
    expect((await call('GET', `/api/agreements/${later.id}`, college)).json().expiringSoon).toBe(false);

    expect(await agreements.checkExpiry(new Date())).toEqual({ expired: 1, warned: 1 });
    const expired = (await call('GET', `/api/agreements/${ended.id}`, college)).json();
    expect(expired).toMatchObject({ status: 'expired', allowedActions: [], canWork: false });
    const timeline = (await call('GET', `/api/agreements/${ended.id}/timeline`, college)).json();
    expect(timeline.items[0]).toMatchObject({ action: 'expire', actor: null, after: { status: 'expired' } });
    const warnings = await warningsOf(ending.id);
    expect(warnings.map((w) => w.userId).sort()).toEqual([enterprise.userId, college.userId].sort());
    expect(warnings[0]).toMatchObject({ entityType: 'agreement', params: { endDate: addDays(today, 10) } });
    expect(delivered).toHaveLength(2);

    expect(await agreements.checkExpiry(new Date())).toEqual({ expired: 0, warned: 0 });
    expect(await warningsOf(ending.id)).toHaveLength(2);

    // A new end date is warned about again when it nears.
    const current = (await call('GET', `/api/agreements/${ending.id}`, college)).json();
    await call('PATCH', `/api/agreements/${ending.id}`, college, {
      endDate: addDays(today, 20),
      version: current.version,
    });
    expect(await agreements.checkExpiry(new Date())).toEqual({ expired: 0, warned: 1 });
    expect(await warningsOf(ending.id)).toHaveLength(4);
  });
});
