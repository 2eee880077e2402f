import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../seed/history.js';
import {
  createTestPlatform,
  orgId,
  registerOrg,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';
import { addDays, platformDate } from '../agreements/dates.js';
import { hashPassword } from '../auth/passwords.js';
import { caller, logins } from '../agreements/testing.js';
import { createAccessPolicy } from '../access/policy.js';
import { createNotificationService } from '../notifications/service.js';
import { createOrgRepository } from '../orgs/repository.js';
import { createDesignationRepository } from './repository.js';
import { createDesignationService } from './service.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let coordinator: LoggedIn;
let gov: LoggedIn;
let vocational: LoggedIn;
let otherProvince: LoggedIn;
const ids: Record<string, string> = {};
const today = platformDate();

const claim = {
  kind: 'provincial_tech_centre',
  certificateNo: 'ZJ-TC-2026-0042',
  issuingBody: '浙江省经济和信息化厅',
  validFrom: addDays(today, -10),
  validUntil: addDays(today, 700),
};

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await platform.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  ids.association = await orgId(platform.app, 'Zhijiang Machinery Industry Association');
  await generateHistory(platform.database.db, {
    size: {
      orgs: 12,
      needs: 60,
      capabilities: 20,
      matchedNeeds: 20,
      agreements: 6,
      projectsPerAgreement: 3,
      days: 200,
    },
    now: new Date(),
    associationId: ids.association,
    passwordHash: await hashPassword('nobody-knows-this-password'),
  });
  [enterprise, coordinator, gov, vocational] = await logins(platform.app, [
    'enterprise',
    'coordinator',
    'gov',
    'vocational',
  ]);
  otherProvince = await registerOrg(
    platform.app,
    'officer@js.gov.cn',
    { kind: 'government', nameZh: '江苏省科技厅', nameEn: 'Jiangsu S&T Department', regionCode: '320000' },
    { verify: true },
  );
}, 180_000);
afterAll(() => platform?.close());

describe('claiming and verifying a designation', () => {
  it('is claimed by the organisation admin, pending and not counted until a coordinator verifies it', async () => {
    const claimed = await call('POST', `/api/orgs/${enterprise.orgId}/designations`, enterprise, claim);
    expect(claimed.statusCode).toBe(201);
    expect(claimed.json()).toMatchObject({
      status: 'pending',
      counts: false,
      certificateNo: 'ZJ-TC-2026-0042',
    });
    const id = claimed.json().id;

    const queue = await call('GET', '/api/designations/queue', coordinator);
    expect(queue.json().map((d: { id: string }) => d.id)).toContain(id);
    // The enterprise sees nothing to verify, and may not verify its own claim.
    expect((await call('GET', '/api/designations/queue', enterprise)).statusCode).toBe(403);
    expect(
      (
        await call('POST', `/api/designations/${id}/decision`, enterprise, {
          decision: 'verified',
          reason: 'Trust me',
        })
      ).statusCode,
    ).toBe(403);

    const verified = await call('POST', `/api/designations/${id}/decision`, coordinator, {
      decision: 'verified',
      reason: 'Checked the certificate against the department register',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'verified', counts: true });
    const again = await call('POST', `/api/designations/${id}/decision`, coordinator, {
      decision: 'rejected',
      reason: 'Changed my mind',
    });
    expect(again.statusCode).toBe(409);
    const listed = await call('GET', `/api/orgs/${enterprise.orgId}/designations`);
    expect(listed.json().find((d: { id: string }) => d.id === id)).toMatchObject({ status: 'verified' });
  });

  it('is rejected with a reason by the region officer, and the organisation is told why', async () => {
    const id = (
      await call('POST', `/api/orgs/${enterprise.orgId}/designations`, enterprise, {
        ...claim,
        kind: 'little_giant',
      })
    ).json().id;
    const rejected = await call('POST', `/api/designations/${id}/decision`, gov, {
      decision: 'rejected',
      reason: 'The certificate number is not in the national list',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', counts: false });
    const told = await call('GET', '/api/notifications', enterprise);
    expect(JSON.stringify(told.json())).toContain('The certificate number is not in the national list');
  });

  it('refuses other organisations, coordinators of non-members and officers of another region', async () => {
    expect(
      (await call('POST', `/api/orgs/${enterprise.orgId}/designations`, vocational, claim)).statusCode,
    ).toBe(403);
    const id = (await call('POST', `/api/orgs/${vocational.orgId}/designations`, vocational, claim)).json()
      .id;
    const decision = { decision: 'verified', reason: 'Looks fine to me' };
    // The vocational college is no member of the association, nor in Jiangsu.
    expect((await call('POST', `/api/designations/${id}/decision`, coordinator, decision)).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/designations/${id}/decision`, otherProvince, decision)).statusCode).toBe(
      403,
    );
    expect((await call('GET', '/api/designations/queue', otherProvince)).json()).toEqual([]);
    expect((await call('POST', `/api/designations/${id}/decision`, gov, decision)).statusCode).toBe(200);
  });

  it('answers bad input with 4xx naming the field', async () => {
    const cases: [object, string][] = [
      [{ ...claim, kind: 'famous' }, 'kind'],
      [{ ...claim, validUntil: 'soon' }, 'validUntil'],
      [{ ...claim, validUntil: addDays(today, -400), validFrom: addDays(today, -300) }, 'validUntil'],
      [{ ...claim, certificateNo: 'x'.repeat(101) }, 'certificateNo'],
      [{ ...claim, extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const answer = await call('POST', `/api/orgs/${enterprise.orgId}/designations`, enterprise, payload);
      expect(answer.statusCode, field).toBe(400);
      expect(JSON.stringify(answer.json().error.details), field).toContain(field);
    }
    const noReason = await call('POST', `/api/designations/${ids.association}/decision`, coordinator, {
      decision: 'verified',
    });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error.details)).toContain('reason');
  });
});

describe('what counts', () => {
  it('leaves expired designations out of the report breakdown, as a direct SQL count does', async () => {
    // Expire (by date, before any periodic check) the certificates of the organisation with most needs.
    const [busiest] = await rows<{ org_id: string }>(sql`select n.org_id from needs n
      join designations d on d.org_id = n.org_id and d.status = 'verified'
      where n.published_at is not null group by n.org_id order by count(*) desc limit 1`);
    await platform.database.db.execute(
      sql`update designations set valid_until = ${addDays(today, -1)} where org_id = ${busiest!.org_id}`,
    );
    // A claim still waiting for a verifier counts no more than an expired one.
    const [unheld] = await rows<{ kind: string }>(sql`select k.kind from unnest(array['high_tech',
      'specialized_sophisticated', 'little_giant', 'invisible_champion']) as k(kind)
      where k.kind not in (select kind from designations where org_id = ${busiest!.org_id}) limit 1`);
    await platform.database.db
      .execute(sql`insert into designations (org_id, kind, status, valid_from, valid_until)
      values (${busiest!.org_id}, ${unheld!.kind}, 'pending', ${addDays(today, -10)}, ${addDays(today, 300)})`);
    const from = addDays(today, -365);
    const period = `from=${from}&to=${today}`;
    const answer = await call(
      'GET',
      `/api/reports/breakdown?${period}&indicator=needs_posted&by=designation`,
      gov,
    );
    expect(answer.statusCode).toBe(200);
    const counted = await rows<{
      key: string;
      n: number;
    }>(sql`select d.kind as key, count(distinct n.id)::int as n
      from needs n join organizations o on o.id = n.org_id
      join designations d on d.org_id = o.id and d.status = 'verified'
        and (d.valid_until is null or d.valid_until >= ${today}::date)
        and (d.valid_from is null or d.valid_from <= ${today}::date)
      where o.region_code like '33%' and n.published_at is not null
        and (n.published_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${today}::date
      group by 1 order by 1`);
    const shown = (answer.json().rows as { key: string; value: number }[])
      .filter((r) => r.value > 0 && r.key !== 'none')
      .map((r) => [r.key, r.value])
      .sort();
    expect(counted.length).toBeGreaterThan(0);
    expect(shown).toEqual(counted.map((r) => [r.key, r.n]));
  });

  it('warns 30 days ahead once, and marks lapsed certificates expired', async () => {
    const { db } = platform.database;
    const orgs = createOrgRepository();
    const service = createDesignationService({
      db,
      access: createAccessPolicy({ orgs }),
      orgs,
      designations: createDesignationRepository(),
      notifications: createNotificationService({ db, sender: { send: async () => {} } }),
    });
    // The demo's little-giant certificate of Ouyue runs out in 20 days; the start-up check may have warned already.
    await service.checkExpiry(new Date());
    expect(await service.checkExpiry(new Date())).toBe(0);
    const [ouyue] = await logins(platform.app, ['ouyue']);
    const notices = (await call('GET', '/api/notifications?pageSize=100', ouyue)).json().items as {
      kind: string;
      params: { kind: string };
    }[];
    const warnings = notices.filter((n) => n.kind === 'designation_expiring');
    expect(warnings.map((n) => n.params.kind)).toEqual(['little_giant']);
    // Minghu's invisible-champion certificate lapsed last month: expired, and not among its current designations.
    const minghu = (
      await call(
        'GET',
        `/api/orgs/${await orgId(platform.app, 'Minghu Hydraulics Technology Co., Ltd.')}/designations`,
      )
    ).json();
    expect(minghu).toEqual([
      expect.objectContaining({ kind: 'invisible_champion', status: 'expired', counts: false }),
    ]);
  });
});
