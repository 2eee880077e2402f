// Demo docking meetings, made through the real services so every step has its event: one held four months ago
// with its outcomes and the batch of framework agreements signed there, and one open for registration next month.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { meetingAgreements, organizations } from '../db/schema/index.js';
import { createAccessPolicy } from '../modules/access/policy.js';
import { addDays, platformDate } from '../modules/agreements/dates.js';
import { createJournal } from '../modules/agreements/journal.js';
import { createAgreementService } from '../modules/agreements/service.js';
import { createLiveFeed } from '../modules/events/live.js';
import { createMeetingService } from '../modules/meetings/service.js';
import { createSigningService } from '../modules/meetings/signing.js';
import { createNotificationService } from '../modules/notifications/service.js';
import { createOrgRepository } from '../modules/orgs/repository.js';
import { actorOf } from './demo-agreements.js';

const SLOTS = ['09:30', '09:50', '10:10', '10:30', '10:50', '11:10', '13:30', '13:50', '14:10', '14:30'];

/** A fifth member firm, so a batch signing has five enterprises to sign with. */
export const DEMO_FIFTH_MEMBER = {
  kind: 'enterprise' as const,
  nameZh: '钱塘精密传动有限公司',
  nameEn: 'Qiantang Precision Transmission Co., Ltd.',
  regionCode: '330100',
  industry: 'machinery',
  description: '精密齿轮箱与减速器制造商，协会会员。Maker of precision gearboxes and reducers.',
};

/** `orgIds`: demo organisation keys to ids, as seed/demo.ts has them (the fifth member is added here). */
export async function seedDemoMeetings(db: Database, orgIds: Map<string, string>) {
  const orgs = createOrgRepository();
  const access = createAccessPolicy({ orgs });
  const journal = createJournal(db, createLiveFeed({ db, pool: null }));
  const notifications = createNotificationService({ db, sender: { send: async () => {} } });
  const meetings = createMeetingService({ db, access, notifications });
  const agreements = createAgreementService({ db, access, journal, notifications });
  const signing = createSigningService({ db, access, meetings, agreements, journal });
  const coordinator = await actorOf(db, 'coordinator@demo.cn');
  const today = platformDate();
  const org = (key: string) => orgIds.get(key)!;

  const fifth = await orgs.create(db, DEMO_FIFTH_MEMBER);
  await orgs.addMember(db, org('association'), fifth.id);
  await db
    .update(organizations)
    .set({ verified: true, verifiedAt: new Date() })
    .where(eq(organizations.id, fifth.id));
  orgIds.set('qiantang', fifth.id);
  const firms = ['hengchuan', 'ouyue', 'minghu', 'yuexi'];

  // ---- the past meeting
  const heldOn = addDays(today, -120);
  let past = await meetings.create(coordinator, {
    titleZh: '之江机械行业产学研对接会（春季）',
    titleEn: 'Zhijiang machinery industry–education docking meeting (spring)',
    date: heldOn,
    venue: '浙东理工大学学术交流中心 Academic Exchange Centre, East Zhejiang University of Technology',
    programme:
      '09:00 开幕致辞 Opening · 09:30 一对一对接 1:1 meetings · 12:00 午餐 Lunch · 13:30 对接 Meetings · 15:30 集中签约 Signing ceremony',
    slotMinutes: 20,
    slotStarts: SLOTS,
    tableCount: 4,
    registrationDeadline: addDays(heldOn, -7),
    requestLimit: 6,
    followUpMonths: 3,
  });
  await meetings.invite(coordinator, past.id, {
    orgIds: [...firms.map(org), org('university'), org('vocational')],
  });
  past = await meetings.transition(coordinator, past.id, { action: 'open', version: past.version });
  const participants = await meetings.participants(coordinator, past.id);
  const pid = (key: string) => participants.find((p) => p.org.id === org(key))!.id;
  for (const p of participants) {
    await meetings.updateParticipant(coordinator, past.id, p.id, {
      status: 'accepted',
      ...(p.org.id === org('yuexi') ? { availableSlots: [0, 1, 2, 3, 4, 5] } : {}),
    });
  }
  const pairs: [string, string, string, number][] = [
    [
      'hengchuan',
      'university',
      '五轴数控机床热误差补偿联合研发 Thermal-error compensation of 5-axis machines',
      2,
    ],
    ['ouyue', 'university', '精密零部件检测与测试中心共建 A shared precision-parts testing centre', 1],
    ['minghu', 'university', '智能产线人才订单班 An order class for smart-line technicians', 1],
    ['yuexi', 'university', '工业机器人视觉标定 Vision calibration of industrial robots', 0],
    ['hengchuan', 'vocational', '数控技师联合培养 Joint training of CNC technicians', 1],
    ['minghu', 'vocational', '实习基地共建 A shared internship base', 0],
    ['ouyue', 'hengchuan', '供应链协作 Supply-chain cooperation', 0],
  ];
  const requestIds: string[] = [];
  for (const [from, to, purpose, priority] of pairs) {
    const request = await meetings.createRequest(coordinator, past.id, {
      fromParticipantId: pid(from),
      toParticipantId: pid(to),
      purpose,
      priority,
    });
    await meetings.answer(coordinator, past.id, request.id, { answer: 'accepted' });
    requestIds.push(request.id);
  }
  past = await meetings.transition(coordinator, past.id, {
    action: 'start_scheduling',
    version: past.version,
  });
  await meetings.runSchedule(coordinator, past.id, {});
  past = await meetings.transition(coordinator, past.id, { action: 'publish', version: past.version });
  for (const p of participants) await meetings.checkIn(coordinator, past.id, p.id);
  // The supply-chain meeting was missed; the others were held.
  for (const [index, id] of requestIds.entries()) {
    await meetings.attendance(coordinator, past.id, id, { attendance: index === 6 ? 'no_show' : 'held' });
  }
  past = await meetings.transition(coordinator, past.id, { action: 'hold', version: past.version });
  const sides: Record<string, string> = {
    hengchuan: 'enterprise@demo.cn',
    ouyue: 'ouyue@demo.cn',
    minghu: 'minghu@demo.cn',
    yuexi: 'yuexi@demo.cn',
    university: 'college@demo.cn',
    vocational: 'vocational@demo.cn',
  };
  const outcomes = [
    'agreement_reached',
    'agreement_reached',
    'agreement_reached',
    'valuable_contact',
    'negotiation_started',
    'no_further_contact',
  ] as const;
  for (const [index, outcome] of outcomes.entries()) {
    const [from, to] = pairs[index]!;
    for (const side of [from, to]) {
      await meetings.recordOutcome(await actorOf(db, sides[side]!), past.id, requestIds[index]!, { outcome });
    }
  }
  await signing.sign(coordinator, past.id, {
    mode: 'per_enterprise',
    collegeParticipantId: pid('university'),
    participantIds: ['hengchuan', 'ouyue', 'minghu', 'yuexi'].map(pid),
    signatories: [
      {
        participantId: pid('university'),
        signatoryName: '陈静 Chen Jing',
        signatoryTitle: '科技处处长 Director of research',
      },
      {
        participantId: pid('hengchuan'),
        signatoryName: '李强 Li Qiang',
        signatoryTitle: '总经理 General manager',
      },
      { participantId: pid('ouyue'), signatoryName: '黄海 Huang Hai', signatoryTitle: '董事长 Chairman' },
      {
        participantId: pid('minghu'),
        signatoryName: '吴磊 Wu Lei',
        signatoryTitle: '总经理 General manager',
      },
      {
        participantId: pid('yuexi'),
        signatoryName: '孙悦 Sun Yue',
        signatoryTitle: '副总经理 Deputy general manager',
      },
    ],
    signedOn: heldOn,
    startDate: heldOn,
    endDate: addDays(heldOn, 3 * 365),
  });
  // The three-party agreement of the agreements demo was signed at this meeting too.
  const threeParty = await agreements.list(coordinator, { org: org('vocational'), type: 'framework' });
  for (const agreement of threeParty.items) {
    await db.insert(meetingAgreements).values({ agreementId: agreement.id, meetingId: past.id });
  }
  await meetings.transition(coordinator, past.id, { action: 'close', version: past.version });

  // ---- the upcoming meeting, open for registration
  const upcomingOn = addDays(today, 30);
  let upcoming = await meetings.create(coordinator, {
    titleZh: '之江机械行业产学研对接会（秋季）',
    titleEn: 'Zhijiang machinery industry–education docking meeting (autumn)',
    date: upcomingOn,
    venue: '杭州国际博览中心 2 号馆 Hall 2, Hangzhou International Expo Centre',
    programme: '09:00 开幕 Opening · 09:30 一对一对接 1:1 meetings · 15:30 签约仪式 Signing ceremony',
    slotMinutes: 20,
    slotStarts: SLOTS,
    tableCount: 6,
    registrationDeadline: addDays(upcomingOn, -10),
    requestLimit: 5,
  });
  await meetings.invite(coordinator, upcoming.id, {
    orgIds: [...firms.map(org), fifth.id, org('university'), org('vocational')],
  });
  upcoming = await meetings.transition(coordinator, upcoming.id, {
    action: 'open',
    version: upcoming.version,
  });
  const invited = await meetings.participants(coordinator, upcoming.id);
  const upid = (key: string) => invited.find((p) => p.org.id === org(key))!.id;
  for (const key of ['ouyue', 'university', 'vocational']) {
    await meetings.updateParticipant(coordinator, upcoming.id, upid(key), { status: 'accepted' });
  }
  await meetings.createRequest(coordinator, upcoming.id, {
    fromParticipantId: upid('ouyue'),
    toParticipantId: upid('university'),
    purpose: '精密测量联合实验室 A joint precision-measurement lab',
    priority: 1,
  });
}
