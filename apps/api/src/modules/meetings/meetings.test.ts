import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreements,
  meetingParticipants,
  meetingRequests,
  meetings,
  notifications,
  projects,
} from '../../db/schema/index.js';
import { createTestPlatform, registerOrg, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { caller, logins } from '../agreements/testing.js';
import { createAccessPolicy } from '../access/policy.js';
import { createNotificationService } from '../notifications/service.js';
import { createOrgRepository } from '../orgs/repository.js';
import { createMeetingService } from './service.js';
import { frameworkTitle } from './signing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let coordinator: LoggedIn;
let enterprise: LoggedIn;
let college: LoggedIn;
let vocational: LoggedIn;
let ouyue: LoggedIn;
let admin: LoggedIn;
let enterpriseOrgIds: string[];

const TERMS = {
  titleZh: '之江机械行业产学研对接会',
  titleEn: 'Zhijiang machinery docking meeting',
  date: '2027-03-18',
  venue: '杭州国际博览中心 Hangzhou International Expo Centre',
  programme: '09:00 开幕 · 09:30 一对一对接 · 16:00 集中签约',
  slotMinutes: 20,
  slotStarts: ['09:30', '09:50', '10:10', '10:30', '10:50', '11:10'],
  tableCount: 3,
  registrationDeadline: '2027-03-10',
  requestLimit: 3,
};

interface Side {
  participantId: string;
  org: { id: string };
}
interface Req {
  id: string;
  from: Side;
  to: Side;
  placement: { slot: number; table: number; attendance: string };
}
/** The accepted requests with their cells, as the organiser sees them. */
const accepted = async (meetingId: string): Promise<Req[]> =>
  (await call('GET', `/api/meetings/${meetingId}/requests?status=accepted`, coordinator)).json().items;

const count_ = async (
  table: typeof meetings | typeof agreements | typeof meetingParticipants | typeof projects,
) => (await platform.database.db.select({ n: count() }).from(table))[0]!.n;

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [coordinator, enterprise, college, vocational, ouyue, admin] = await logins(platform.app, [
    'coordinator',
    'enterprise',
    'college',
    'vocational',
    'ouyue',
    'admin',
  ]);
  const { db } = platform.database;
  // A fifth member enterprise of the association.
  const orgs = createOrgRepository();
  const fifth = await orgs.create(db, {
    kind: 'enterprise',
    nameZh: '钱塘精密传动有限公司',
    nameEn: 'Qiantang Precision Transmission Co.',
    regionCode: '330100',
  });
  await orgs.addMember(db, coordinator.orgId, fifth.id);
  const members = await call('GET', `/api/orgs?pageSize=100&kind=enterprise`);
  enterpriseOrgIds = members
    .json()
    .items.filter((o: { kind: string }) => o.kind === 'enterprise')
    .map((o: { id: string }) => o.id);
});
afterAll(() => platform?.close());

describe('setting up a docking meeting', () => {
  it('refuses bad terms naming the field, and writes nothing', async () => {
    const before = await count_(meetings);
    const outside = await call('POST', '/api/meetings', coordinator, {
      ...TERMS,
      slotStarts: ['09:30', '23:50'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0]).toMatchObject({ field: 'body.slotStarts.1' });
    const noTables = await call('POST', '/api/meetings', coordinator, { ...TERMS, tableCount: 0 });
    expect(noTables.statusCode).toBe(400);
    expect(noTables.json().error.details[0].field).toBe('body.tableCount');
    const overlapping = await call('POST', '/api/meetings', coordinator, {
      ...TERMS,
      slotStarts: ['09:30', '09:40'],
    });
    expect(overlapping.json().error.details[0].field).toBe('body.slotStarts.1');
    expect(await count_(meetings)).toBe(before);
  });

  it('is for coordinators and college administrators of their own organisation', async () => {
    expect((await call('POST', '/api/meetings', enterprise, TERMS)).statusCode).toBe(403);
    const forOther = await call('POST', '/api/meetings', coordinator, {
      ...TERMS,
      organiserOrgId: college.orgId,
    });
    expect(forOther.statusCode).toBe(403);
    const byCollege = await call('POST', '/api/meetings', college, {
      ...TERMS,
      titleEn: 'A college open day',
    });
    expect(byCollege.statusCode).toBe(201);
    expect(byCollege.json()).toMatchObject({
      role: 'organiser',
      status: 'draft',
      organiser: { id: college.orgId },
    });
  });
});

describe('a docking meeting from invitation to signing', () => {
  let meetingId: string;
  let version: number;
  const participantOf = new Map<string, string>();
  const requestIds: string[] = [];

  const move = async (action: string) => {
    const moved = await call('POST', `/api/meetings/${meetingId}/transitions`, coordinator, {
      action,
      version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    version = moved.json().version;
    return moved.json();
  };

  it('invites five member enterprises and a college; an unknown organisation is refused and nothing is invited', async () => {
    const created = await call('POST', '/api/meetings', coordinator, TERMS);
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    version = created.json().version;
    const before = await count_(meetingParticipants);
    const bad = await call('POST', `/api/meetings/${meetingId}/participants`, coordinator, {
      orgIds: [enterpriseOrgIds[0], '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.orgIds.1');
    expect(await count_(meetingParticipants)).toBe(before);

    const invited = await call('POST', `/api/meetings/${meetingId}/participants`, coordinator, {
      orgIds: [...enterpriseOrgIds, college.orgId],
    });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json()).toHaveLength(6);
    for (const p of invited.json()) participantOf.set(p.org.id, p.id);
    await move('open');
    // The invited hear of it.
    const heard = await call('GET', '/api/notifications', enterprise);
    expect(heard.json().items.some((n: { kind: string }) => n.kind === 'meeting_invitation')).toBe(true);
  });

  it('keeps the meeting from outsiders', async () => {
    for (const url of ['', '/participants', '/requests', '/agenda', '/suggestions']) {
      expect((await call('GET', `/api/meetings/${meetingId}${url}`, vocational)).statusCode).toBe(404);
    }
    const list = await call('GET', '/api/meetings', vocational);
    expect(list.json().items.map((m: { id: string }) => m.id)).not.toContain(meetingId);
    const changed = await call(
      'PATCH',
      `/api/meetings/${meetingId}/participants/${participantOf.get(enterprise.orgId)}`,
      vocational,
      {
        status: 'declined',
      },
    );
    expect(changed.statusCode).toBe(404);
    // A participant sees the meeting but may not run it.
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/transitions`, enterprise, {
          action: 'start_scheduling',
          version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('takes answers, delegates and availability; availability outside the meeting is refused', async () => {
    const own = participantOf.get(enterprise.orgId)!;
    const bad = await call('PATCH', `/api/meetings/${meetingId}/participants/${own}`, enterprise, {
      availableSlots: [0, 9],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.availableSlots.1');
    const accepted = await call('PATCH', `/api/meetings/${meetingId}/participants/${own}`, enterprise, {
      status: 'accepted',
      delegates: [{ name: '李强', title: '总经理' }],
      availableSlots: [0, 1, 2],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', availableSlots: [0, 1, 2] });
    for (const [orgId, id] of participantOf) {
      if (orgId === enterprise.orgId) continue;
      const answered = await call('PATCH', `/api/meetings/${meetingId}/participants/${id}`, coordinator, {
        status: 'accepted',
      });
      expect(answered.statusCode).toBe(200);
    }
  });

  it('collects requests within the limit; a participant not invited is refused by field', async () => {
    const university = participantOf.get(college.orgId)!;
    const notInvited = await call('POST', `/api/meetings/${meetingId}/requests`, enterprise, {
      toParticipantId: '00000000-0000-4000-8000-000000000000',
      purpose: '数控机床热误差补偿',
    });
    expect(notInvited.statusCode).toBe(400);
    expect(notInvited.json().error.details[0].field).toBe('body.toParticipantId');
    // Each enterprise asks the college; the college answers.
    for (const orgId of enterpriseOrgIds) {
      const asked = await call('POST', `/api/meetings/${meetingId}/requests`, coordinator, {
        fromParticipantId: participantOf.get(orgId),
        toParticipantId: university,
        purpose: '洽谈共建实训基地与联合研发',
        priority: orgId === enterprise.orgId ? 2 : 0,
      });
      expect(asked.statusCode, asked.body).toBe(201);
      requestIds.push(asked.json().id);
    }
    // Enterprises meet each other too; hengchuan's third request reaches its limit of 3.
    const hengchuan = participantOf.get(enterprise.orgId)!;
    const others = enterpriseOrgIds
      .filter((id) => id !== enterprise.orgId)
      .map((id) => participantOf.get(id)!);
    for (const to of others.slice(0, 2)) {
      const asked = await call('POST', `/api/meetings/${meetingId}/requests`, enterprise, {
        toParticipantId: to,
        purpose: '供应链协作',
      });
      expect(asked.statusCode, asked.body).toBe(201);
      requestIds.push(asked.json().id);
    }
    const over = await call('POST', `/api/meetings/${meetingId}/requests`, enterprise, {
      toParticipantId: others[2],
      purpose: '供应链协作',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('request_limit');
    const twice = await call('POST', `/api/meetings/${meetingId}/requests`, coordinator, {
      fromParticipantId: university,
      toParticipantId: hengchuan,
      purpose: '再次请求',
    });
    expect(twice.json().error.code).toBe('duplicate_request');

    // The asked side answers; the asking side cannot accept its own.
    const mine = await call('GET', `/api/meetings/${meetingId}/requests`, enterprise);
    expect(mine.json().total).toBe(3);
    const own = requestIds[enterpriseOrgIds.length]!;
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/requests/${own}/answer`, enterprise, {
          answer: 'accepted',
        })
      ).statusCode,
    ).toBe(409);
    for (const id of requestIds.slice(0, enterpriseOrgIds.length)) {
      const answered = await call('POST', `/api/meetings/${meetingId}/requests/${id}/answer`, college, {
        answer: 'accepted',
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    const ouyueRequest = (await call('GET', `/api/meetings/${meetingId}/requests`, ouyue))
      .json()
      .items.find((r: Req) => r.from.org.id === enterprise.orgId);
    expect(
      (
        await call('POST', `/api/meetings/${meetingId}/requests/${ouyueRequest.id}/answer`, ouyue, {
          answer: 'accepted',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('expires unanswered requests and schedules the accepted ones without any clash', async () => {
    await move('start_scheduling');
    const { db } = platform.database;
    const statuses = await db
      .select({ status: meetingRequests.status, n: count() })
      .from(meetingRequests)
      .where(eq(meetingRequests.meetingId, meetingId))
      .groupBy(meetingRequests.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({ accepted: 6, expired: 1 });

    const run = await call('POST', `/api/meetings/${meetingId}/schedule`, coordinator, {});
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ placed: 6, unplaced: [] });
    // Nobody twice in one slot, hengchuan only in the slots it gave.
    const cells = await db.execute(sql`
      select a.slot, a.table_no, r.from_participant_id, r.to_participant_id
      from meeting_assignments a join meeting_requests r on r.id = a.request_id where a.meeting_id = ${meetingId}`);
    const rows = (
      cells as unknown as { rows: { slot: number; from_participant_id: string; to_participant_id: string }[] }
    ).rows;
    const seen = new Set<string>();
    for (const row of rows) {
      for (const p of [row.from_participant_id, row.to_participant_id]) {
        expect(seen.has(`${p}@${row.slot}`)).toBe(false);
        seen.add(`${p}@${row.slot}`);
        if (p === participantOf.get(enterprise.orgId)) expect([0, 1, 2]).toContain(row.slot);
      }
    }
    // Running again keeps every meeting where it was.
    const again = await call('POST', `/api/meetings/${meetingId}/schedule`, coordinator, {});
    expect(again.json()).toMatchObject({ placed: 6, kept: 6 });
  });

  it('moves a meeting by hand only into a free, existing cell', async () => {
    const all_ = await accepted(meetingId);
    // One not involving hengchuan (whose availability is narrower), and another to collide with.
    const hengchuan = participantOf.get(enterprise.orgId)!;
    const first = all_.find((r) => ![r.from.participantId, r.to.participantId].includes(hengchuan))!;
    const second = all_.find((r) => r.id !== first.id)!;
    const url = (id: string) => `/api/meetings/${meetingId}/requests/${id}/placement`;
    const outside = await call('PUT', url(first.id), coordinator, { slot: 6, table: 1 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('body.slot');
    const noTable = await call('PUT', url(first.id), coordinator, { slot: 0, table: 4 });
    expect(noTable.json().error.details[0].field).toBe('body.table');
    const taken = await call('PUT', url(first.id), coordinator, {
      slot: second.placement.slot,
      table: second.placement.table,
    });
    expect(taken.statusCode).toBe(409);
    const college_ = participantOf.get(college.orgId)!;
    // The college meets everyone: find a slot it is free in.
    const all = await accepted(meetingId);
    const collegeSlots = new Set(
      all
        .filter((r) => [r.from.participantId, r.to.participantId].includes(college_))
        .map((r) => r.placement.slot),
    );
    const mover = all.find(
      (r) => r.to.participantId === college_ && r.from.participantId !== participantOf.get(enterprise.orgId),
    )!;
    const free = [0, 1, 2, 3, 4, 5].find(
      (s) =>
        !collegeSlots.has(s) &&
        !all.some(
          (r) =>
            r.placement.slot === s &&
            [r.from.participantId, r.to.participantId].includes(mover.from.participantId),
        ),
    )!;
    const moved = await call('PUT', url(mover.id), coordinator, { slot: free, table: 3 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().placement).toEqual({ slot: free, table: 3, fixed: true, attendance: 'scheduled' });
  });

  it('publishes; a change after publishing notifies the two sides', async () => {
    await move('publish');
    const all = await accepted(meetingId);
    const hengchuanMeeting = all.find((r) => r.to.org.id === ouyue.orgId)!;
    const { db } = platform.database;
    const before = (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.kind, 'meeting_schedule_changed'))
    )[0]!.n;
    // Find a free cell for hengchuan (slots 0–2) and ouyue.
    const busy = (p: string) =>
      new Set(
        all
          .filter(
            (r) => [r.from.participantId, r.to.participantId].includes(p) && r.id !== hengchuanMeeting.id,
          )
          .map((r) => r.placement.slot),
      );
    const h = busy(hengchuanMeeting.from.participantId);
    const o = busy(hengchuanMeeting.to.participantId);
    const slot = [0, 1, 2].find((s) => !h.has(s) && !o.has(s) && s !== hengchuanMeeting.placement.slot);
    if (slot !== undefined) {
      const used = new Set(all.filter((r) => r.placement.slot === slot).map((r) => r.placement.table));
      const table = [1, 2, 3].find((t) => !used.has(t))!;
      const moved = await call(
        'PUT',
        `/api/meetings/${meetingId}/requests/${hengchuanMeeting.id}/placement`,
        coordinator,
        { slot, table },
      );
      expect(moved.statusCode, moved.body).toBe(200);
      const after = (
        await db
          .select({ n: count() })
          .from(notifications)
          .where(eq(notifications.kind, 'meeting_schedule_changed'))
      )[0]!.n;
      expect(after).toBeGreaterThan(before);
    }
  });

  it('gives each participant its agenda as JSON, XLSX, PDF and iCalendar, and the organiser each table’s', async () => {
    const agenda = await call('GET', `/api/meetings/${meetingId}/agenda`, enterprise);
    expect(agenda.statusCode, agenda.body).toBe(200);
    // Three requests; the one ouyue left unanswered expired.
    expect(agenda.json().entries).toHaveLength(2);
    expect(agenda.json().heading).toBe('恒川数控机床有限公司');
    const ics = await call('GET', `/api/meetings/${meetingId}/agenda?format=ics`, enterprise);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.body).toMatch(/DTSTART:20270318T0[1-2]\d{4}Z/); // 09:30–10:10 in Shanghai is 01:30–02:10 UTC
    const xlsx = await call('GET', `/api/meetings/${meetingId}/agenda?format=xlsx&lang=en`, enterprise);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call('GET', `/api/meetings/${meetingId}/agenda?format=pdf&table=1`, coordinator);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Another participant's agenda, or a table's, is the organiser's to see.
    const other = participantOf.get(ouyue.orgId);
    expect(
      (await call('GET', `/api/meetings/${meetingId}/agenda?participant=${other}`, enterprise)).statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/meetings/${meetingId}/agenda?table=1`, enterprise)).statusCode).toBe(403);
  });

  it('on the day: check-in, held and no-show, a walk-in in a free cell', async () => {
    const own = participantOf.get(enterprise.orgId)!;
    const checked = await call(
      'POST',
      `/api/meetings/${meetingId}/participants/${own}/check-in`,
      coordinator,
    );
    expect(checked.statusCode).toBe(200);
    expect(checked.json().checkedInAt).not.toBeNull();
    const all = await accepted(meetingId);
    for (const [index, r] of all.entries()) {
      const marked = await call(
        'POST',
        `/api/meetings/${meetingId}/requests/${r.id}/attendance`,
        coordinator,
        {
          attendance: index === all.length - 1 ? 'no_show' : 'held',
        },
      );
      expect(marked.statusCode).toBe(200);
    }
    // A walk-in between two enterprises that had no request, in slot 5 (the last), table 1 if free.
    const [a, b] = enterpriseOrgIds
      .filter((id) => id !== enterprise.orgId)
      .slice(2)
      .map((id) => participantOf.get(id)!);
    const free = [1, 2, 3].find((t) => !all.some((r) => r.placement.slot === 5 && r.placement.table === t))!;
    const walkIn = await call('POST', `/api/meetings/${meetingId}/walk-ins`, coordinator, {
      fromParticipantId: a,
      toParticipantId: b,
      purpose: '现场临时对接',
      slot: 5,
      table: free,
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({
      walkIn: true,
      status: 'accepted',
      placement: { slot: 5, table: free },
    });
  });

  it('records outcomes by either side, never by an outsider or before the meeting is held', async () => {
    await move('hold');
    const all = await accepted(meetingId);
    const held = all.find((r) => r.to.org.id === college.orgId && r.placement.attendance === 'held')!;
    const url = `/api/meetings/${meetingId}/requests/${held.id}/outcomes`;
    const byCollege = await call('POST', url, college, {
      outcome: 'agreement_reached',
      note: '同意签署框架协议',
    });
    expect(byCollege.statusCode, byCollege.body).toBe(200);
    expect(byCollege.json().outcomes).toEqual([
      { orgId: college.orgId, phase: 'meeting', outcome: 'agreement_reached', note: '同意签署框架协议' },
    ]);
    expect((await call('POST', url, vocational, { outcome: 'valuable_contact' })).statusCode).toBe(404);
    expect((await call('POST', url, coordinator, { outcome: 'valuable_contact' })).statusCode).toBe(409);
    const noShow = all.find((r) => r.placement.attendance === 'no_show')!;
    const early = await call(
      'POST',
      `/api/meetings/${meetingId}/requests/${noShow.id}/outcomes`,
      noShow.to.org.id === college.orgId ? college : enterprise,
      {
        outcome: 'valuable_contact',
      },
    );
    expect([404, 409]).toContain(early.statusCode);
  });

  it('refuses a signing with a party that is not a participant, and creates nothing', async () => {
    const before = { agreements: await count_(agreements), projects: await count_(projects) };
    const college_ = participantOf.get(college.orgId)!;
    const bad = await call('POST', `/api/meetings/${meetingId}/signing`, coordinator, {
      mode: 'per_enterprise',
      collegeParticipantId: college_,
      participantIds: [participantOf.get(enterprise.orgId), '00000000-0000-4000-8000-000000000000'],
      signatories: [
        { participantId: college_, signatoryName: '陈静' },
        { participantId: participantOf.get(enterprise.orgId), signatoryName: '李强' },
      ],
      signedOn: '2027-03-18',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.participantIds.1');
    const unsigned = await call('POST', `/api/meetings/${meetingId}/signing`, coordinator, {
      mode: 'per_enterprise',
      collegeParticipantId: college_,
      participantIds: [participantOf.get(enterprise.orgId), participantOf.get(ouyue.orgId)],
      signatories: [
        { participantId: college_, signatoryName: '陈静' },
        { participantId: participantOf.get(enterprise.orgId), signatoryName: '李强' },
      ],
      signedOn: '2027-03-18',
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.details[0].field).toBe('body.signatories');
    expect({ agreements: await count_(agreements), projects: await count_(projects) }).toEqual(before);
  });

  it('signs five framework agreements in one action, each with its project list, visible to each party', async () => {
    const college_ = participantOf.get(college.orgId)!;
    const parties = enterpriseOrgIds.map((id) => participantOf.get(id)!);
    const signed = await call('POST', `/api/meetings/${meetingId}/signing`, coordinator, {
      mode: 'per_enterprise',
      collegeParticipantId: college_,
      participantIds: parties,
      signatories: [
        { participantId: college_, signatoryName: '陈静', signatoryTitle: '副校长' },
        ...parties.map((participantId, i) => ({
          participantId,
          signatoryName: `代表 ${i + 1}`,
          signatoryTitle: '总经理',
        })),
      ],
      signedOn: '2027-03-18',
      startDate: '2027-04-01',
      endDate: '2030-03-31',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().agreements).toHaveLength(5);
    const signedIds = signed.json().agreements.map((a: { id: string }) => a.id);
    expect(signed.json().projectCount).toBe(30);
    const mine = await call('GET', '/api/agreements?org=mine', enterprise);
    const ours = mine.json().items.filter((a: { id: string }) => signedIds.includes(a.id));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      status: 'signed',
      type: 'framework',
      signedOn: '2027-03-18',
      broker: { id: coordinator.orgId },
    });
    const list = await call('GET', `/api/agreements/${ours[0].id}/projects`, enterprise);
    expect(list.json().items.map((p: { title: string }) => p.title)).toContain(
      '共建检测中心 Co-built testing centre',
    );
    const collegeSees = await call('GET', '/api/agreements?org=mine&pageSize=50', college);
    expect(collegeSees.json().items.filter((a: { id: string }) => signedIds.includes(a.id))).toHaveLength(5);
    // An organisation that is not a party sees none of them.
    const outsider = await call('GET', '/api/agreements?pageSize=50', vocational);
    expect(outsider.json().items.filter((a: { id: string }) => signedIds.includes(a.id))).toHaveLength(0);
  });

  it('counts its figures from the rows', async () => {
    const figures = await call('GET', `/api/meetings/${meetingId}/figures`, coordinator);
    expect(figures.statusCode).toBe(200);
    const { db } = platform.database;
    const direct = await db.execute(sql`
      select
        (select count(*) from meeting_requests where meeting_id = ${meetingId})::int as requested,
        (select count(*) from meeting_requests where meeting_id = ${meetingId} and status = 'accepted')::int as accepted,
        (select count(*) from meeting_assignments where meeting_id = ${meetingId})::int as scheduled,
        (select count(*) from meeting_assignments where meeting_id = ${meetingId} and attendance = 'held')::int as held,
        (select count(*) from meeting_agreements where meeting_id = ${meetingId})::int as signed`);
    const row = (direct as unknown as { rows: Record<string, number>[] }).rows[0]!;
    expect(figures.json()).toMatchObject({
      requested: row.requested,
      accepted: row.accepted,
      scheduled: row.scheduled,
      held: row.held,
      agreementsSigned: row.signed,
      outcomes: { agreement_reached: 1 },
    });
    expect(row.signed).toBe(5);
  });

  it('puts its figures in the reports’ indicator list, each equal to a direct count', async () => {
    const [from, to] = ['2027-01-01', '2027-12-31'];
    const summary = await call('GET', `/api/reports/summary?from=${from}&to=${to}`, admin);
    expect(summary.statusCode, summary.body).toBe(200);
    const figures = summary.json().figures;
    const inPeriod = sql`m.date between ${from}::date and ${to}::date`;
    const requests = (where: ReturnType<typeof sql>) => sql`select count(*)::int as n from meeting_requests r
      join meetings m on m.id = r.meeting_id left join meeting_assignments a on a.request_id = r.id
      where ${inPeriod} and ${where}`;
    const direct = {
      meetings_requested: requests(sql`true`),
      meetings_accepted: requests(sql`r.status = 'accepted'`),
      meetings_scheduled: requests(sql`a.request_id is not null`),
      meetings_held: requests(sql`a.attendance = 'held'`),
      meetings_valuable: requests(sql`r.id in (select request_id from meeting_outcomes
        where phase = 'meeting' and outcome <> 'no_further_contact')`),
      meeting_agreements_signed: sql`select count(*)::int as n from meeting_agreements ma
        join agreements ag on ag.id = ma.agreement_id
        where ag.signed_on between ${from}::date and ${to}::date`,
    };
    for (const [id, query] of Object.entries(direct)) {
      const result = (await platform.database.db.execute(query)) as unknown as { rows: { n: number }[] };
      expect({ id, value: figures[id].value }).toEqual({ id, value: result.rows[0]!.n });
    }
    // This meeting's own rows are in them: five held, five signed.
    expect(figures.meetings_held.value).toBeGreaterThanOrEqual(5);
    expect(figures.meeting_agreements_signed.value).toBeGreaterThanOrEqual(5);
  });

  it('asks both sides for a follow-up once, the set number of months after the day, and takes their answer', async () => {
    const { db } = platform.database;
    // The service the app's hourly check calls, on the same database.
    const service = createMeetingService({
      db,
      access: createAccessPolicy({ orgs: createOrgRepository() }),
      notifications: createNotificationService({ db, sender: { send: async () => undefined } }),
    });
    const asked = async () =>
      (
        await db
          .select({ userId: notifications.userId })
          .from(notifications)
          .where(and(eq(notifications.entityId, meetingId), eq(notifications.kind, 'meeting_follow_up')))
      ).map((n) => n.userId);
    // Three months (the default) after 2027-03-18 is 2027-06-18 on the platform's calendar.
    await service.askFollowUps(new Date('2027-06-17T08:00:00+08:00'));
    expect(await asked()).toHaveLength(0);
    await service.askFollowUps(new Date('2027-06-18T08:00:00+08:00'));
    const once = await asked();
    expect(once).toEqual(expect.arrayContaining([enterprise.userId, college.userId]));
    await service.askFollowUps(new Date('2027-09-18T08:00:00+08:00'));
    expect(await asked()).toHaveLength(once.length);
    const answered = await call(
      'POST',
      `/api/meetings/${meetingId}/requests/${requestIds[0]}/outcomes`,
      enterprise,
      { outcome: 'negotiation_started', phase: 'follow_up', note: '已开始技术方案对接' },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().outcomes).toContainEqual(
      expect.objectContaining({
        orgId: enterprise.orgId,
        phase: 'follow_up',
        outcome: 'negotiation_started',
      }),
    );
  });

  it('lets the region’s officers and the members’ coordinator read it, and refuses them any change', async () => {
    const [gov] = await logins(platform.app, ['gov']);
    const elsewhere = await registerOrg(
      platform.app,
      'officer@bj-meetings.gov.cn',
      { kind: 'government', nameZh: '北京市科委', nameEn: 'Beijing S&T Commission', regionCode: '110000' },
      { verify: true },
    );
    const requests = await call('GET', `/api/meetings/${meetingId}/requests`, coordinator);
    const someRequest = requests.json().items[0].id as string;
    // The province's officer reads everything a coordinator sees, with no action offered.
    const read = await call('GET', `/api/meetings/${meetingId}`, gov);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ role: 'observer', allowedActions: [] });
    for (const url of [
      '/participants',
      '/requests',
      '/figures',
      `/agenda?participant=${participantOf.get(enterprise.orgId)}`,
    ]) {
      expect((await call('GET', `/api/meetings/${meetingId}${url}`, gov)).statusCode, url).toBe(200);
    }
    expect((await call('GET', `/api/meetings/${meetingId}/requests`, gov)).json().items).toHaveLength(
      requests.json().items.length,
    );
    expect((await call('GET', '/api/meetings', gov)).json().items.map((m: { id: string }) => m.id)).toContain(
      meetingId,
    );
    const before = await platform.database.db.select({ n: count() }).from(meetingRequests);
    const changes: [Parameters<typeof call>[0], string, object][] = [
      ['PATCH', '', { venue: '别处', version }],
      ['POST', '/transitions', { action: 'close', version }],
      ['POST', '/participants', { orgIds: [vocational.orgId] }],
      [
        'POST',
        '/requests',
        {
          fromParticipantId: participantOf.get(enterprise.orgId),
          toParticipantId: participantOf.get(college.orgId),
          purpose: '旁听',
        },
      ],
      ['POST', `/requests/${someRequest}/answer`, { answer: 'declined' }],
      ['POST', `/requests/${someRequest}/outcomes`, { outcome: 'no_further_contact' }],
      ['PATCH', `/participants/${participantOf.get(enterprise.orgId)}`, { status: 'declined' }],
      ['POST', '/schedule', { keep: 'all' }],
    ];
    for (const [method, url, body] of changes) {
      const refused = await call(method, `/api/meetings/${meetingId}${url}`, gov, body);
      expect(refused.statusCode, `${method} ${url}: ${refused.body}`).toBe(403);
    }
    expect(await platform.database.db.select({ n: count() }).from(meetingRequests)).toEqual(before);
    // Another province's officer does not see it at all.
    expect((await call('GET', `/api/meetings/${meetingId}`, elsewhere)).statusCode).toBe(404);
    expect((await call('GET', '/api/meetings', elsewhere)).json().items).toHaveLength(0);
    expect(
      (await call('PATCH', `/api/meetings/${meetingId}`, elsewhere, { venue: '别处', version })).statusCode,
    ).toBe(404);
  });

  it('lets the coordinator observe a member college’s meeting, and not one without its members', async () => {
    const byCollege = await call('POST', '/api/meetings', college, {
      ...TERMS,
      titleEn: 'College day (observed)',
    });
    const observed = byCollege.json().id as string;
    const seen = await call('GET', `/api/meetings/${observed}`, coordinator);
    expect(seen.json()).toMatchObject({ role: 'observer', allowedActions: [] });
    const invited = await call('POST', `/api/meetings/${observed}/participants`, coordinator, {
      orgIds: [enterprise.orgId],
    });
    expect(invited.statusCode).toBe(403);
    const byOutsider = await call('POST', '/api/meetings', vocational, {
      ...TERMS,
      titleEn: 'Not a member’s meeting',
    });
    expect(byOutsider.statusCode, byOutsider.body).toBe(201);
    expect((await call('GET', `/api/meetings/${byOutsider.json().id}`, coordinator)).statusCode).toBe(404);
  });
});

describe('the title of an agreement signed at a meeting', () => {
  const org = (zh: string, en: string) => ({ nameZh: zh, nameEn: en });
  it('names every party in both languages when that fits, else the first party and how many more', () => {
    expect(frameworkTitle([org('恒川数控', 'Hengchuan CNC'), org('浙东理工大学', 'EZUT')])).toBe(
      '恒川数控—浙东理工大学 产学研合作框架协议 / Framework agreement on industry–education cooperation: Hengchuan CNC – EZUT',
    );
    const long = Array.from({ length: 4 }, (_, i) =>
      org(`之江第${i}精密轴承制造有限公司`, `Zhijiang No. ${i} Precision Bearing Manufacturing Co., Ltd.`),
    );
    const title = frameworkTitle(long);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).toBe(
      '之江第0精密轴承制造有限公司等4方 产学研合作框架协议 / Framework agreement on industry–education cooperation: Zhijiang No. 0 Precision Bearing Manufacturing Co., Ltd. and 3 more',
    );
  });
});
