// Demo shared instruments at the university and the testing centre, with three months of bookings in every state
// and a few weeks ahead. Profiles, outages and future bookings go through the real services; past bookings (which
// the rules refuse to create) are written with their events in one transaction. Deterministic: one fixed pattern
// laid on the weekdays around today.
import type { InstrumentProfileInput } from '@coop/shared';
import type { Database } from '../db/client.js';
import { instrumentBookings } from '../db/schema/index.js';
import { createAccessPolicy } from '../modules/access/policy.js';
import { addDays, platformDate } from '../modules/agreements/dates.js';
import { createCapabilityService } from '../modules/capabilities/service.js';
import { recordEvent } from '../modules/events/repository.js';
import { createBookingService } from '../modules/instruments/bookings.js';
import { createInstrumentRepository } from '../modules/instruments/repository.js';
import { createInstrumentService } from '../modules/instruments/service.js';
import { createNotificationService } from '../modules/notifications/service.js';
import { createOrgRepository } from '../modules/orgs/repository.js';
import { actorOf } from './demo-agreements.js';

const WORKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:30', close: '17:30' }));

interface DemoInstrument {
  owner: 'college@demo.cn' | 'testcentre@demo.cn';
  title: string;
  description: string;
  fields: string[];
  profile: InstrumentProfileInput;
}

const rules = (overrides: Partial<InstrumentProfileInput['rules']> = {}) => ({
  horizonDays: 30,
  minMinutes: 60,
  maxMinutes: 480,
  bufferMinutes: 30,
  approvalRequired: true,
  maxFuturePerOrg: 5,
  cancelDeadlineHours: 24,
  ...overrides,
});

const INSTRUMENTS: DemoInstrument[] = [
  {
    owner: 'college@demo.cn',
    title: '场发射扫描电子显微镜 Field-emission SEM (Sigma 300)',
    description:
      '场发射扫描电镜配能谱仪，用于断口、磨损表面和涂层截面的形貌与成分分析，提供操作员协助。Field-emission SEM with EDS, operator-assisted.',
    fields: ['materials.metals', 'materials.coatings'],
    profile: {
      model: 'Sigma 300',
      maker: 'Carl Zeiss',
      location: '浙东理工大学 材料楼 A102 · Materials building A102',
      purchaseValueYuan: 4_860_000,
      measuresZh: '断口形貌、表面微观形貌、微区成分（能谱 EDS）、涂层截面厚度',
      measuresEn:
        'fracture surfaces, surface micro-morphology, micro-area composition (EDS), coating cross-sections',
      fees: { ownYuanPerHour: 150, memberYuanPerHour: 400, outsideYuanPerHour: 600 },
      rules: rules(),
      openingHours: WORKDAYS,
    },
  },
  {
    owner: 'college@demo.cn',
    title: '三坐标测量机 Coordinate measuring machine (CMM)',
    description:
      '高精度桥式三坐标测量机，用于箱体、齿轮、刀具的几何尺寸与形位公差检测。Bridge CMM for geometric tolerances.',
    fields: ['machinery.precision_machining'],
    profile: {
      model: 'PRISMO navigator 9/12/7',
      maker: 'Carl Zeiss',
      location: '浙东理工大学 精密测量实验室 B201 · Precision metrology lab B201',
      purchaseValueYuan: 3_200_000,
      measuresZh: '几何尺寸、形位公差、齿轮齿形、轮廓度',
      measuresEn: 'dimensions, geometric tolerances, gear profiles, contours',
      fees: { ownYuanPerHour: 100, memberYuanPerHour: 300, outsideYuanPerHour: 450 },
      rules: rules({ minMinutes: 120, bufferMinutes: 0 }),
      openingHours: WORKDAYS,
    },
  },
  {
    owner: 'college@demo.cn',
    title: 'X射线衍射仪 X-ray diffractometer (XRD)',
    description:
      '粉末与块体 X 射线衍射，用于物相鉴定、残余应力与织构分析。XRD for phases, residual stress and texture.',
    fields: ['materials.metals'],
    profile: {
      model: 'D8 Advance',
      maker: 'Bruker',
      location: '浙东理工大学 分析测试中心 C105 · Analysis centre C105',
      purchaseValueYuan: 2_450_000,
      measuresZh: '物相鉴定、残余应力、织构、晶粒尺寸',
      measuresEn: 'phase identification, residual stress, texture, crystallite size',
      fees: { ownYuanPerHour: 80, memberYuanPerHour: 250, outsideYuanPerHour: 380 },
      rules: rules({ approvalRequired: false, bufferMinutes: 15 }),
      openingHours: WORKDAYS,
    },
  },
  {
    owner: 'testcentre@demo.cn',
    title: '电液伺服疲劳试验机 Servo-controlled fatigue tester (250 kN)',
    description:
      '轴向拉压疲劳与断裂力学试验，适用于轴承钢、紧固件和焊接件。Axial fatigue and fracture mechanics testing.',
    fields: ['machinery.bearings', 'materials.metals'],
    profile: {
      model: 'Instron 8802',
      maker: 'Instron',
      location: '之江精密检测中心 力学实验室 · Mechanics lab',
      purchaseValueYuan: 3_900_000,
      measuresZh: '疲劳寿命、裂纹扩展速率、断裂韧性、拉伸强度',
      measuresEn: 'fatigue life, crack growth rate, fracture toughness, tensile strength',
      fees: { ownYuanPerHour: 120, memberYuanPerHour: 260, outsideYuanPerHour: 320 },
      rules: rules({ maxMinutes: 8 * 60, cancelDeadlineHours: 48 }),
      openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '08:00', close: '20:00' })),
    },
  },
  {
    owner: 'testcentre@demo.cn',
    title: '直读光谱仪 Spark optical emission spectrometer',
    description: '金属材料化学成分快速分析，覆盖铁基、铝基、铜基材料。Spark OES for the chemistry of metals.',
    fields: ['materials.metals'],
    profile: {
      model: 'SPECTROMAXx',
      maker: 'SPECTRO',
      location: '之江精密检测中心 化学分析室 · Chemistry lab',
      purchaseValueYuan: 980_000,
      measuresZh: '金属化学成分、碳硫含量、牌号鉴别',
      measuresEn: 'chemical composition of metals, carbon and sulphur content, grade identification',
      fees: { ownYuanPerHour: 60, memberYuanPerHour: 150, outsideYuanPerHour: 200 },
      rules: rules({ minMinutes: 60, maxMinutes: 240, bufferMinutes: 0 }),
      openingHours: WORKDAYS,
    },
  },
];

/** Who books, in turn: member firms, an outside college, and the owner's own people. */
const REQUESTERS = [
  'enterprise@demo.cn',
  'ouyue@demo.cn',
  'minghu@demo.cn',
  'vocational@demo.cn',
  'yuexi@demo.cn',
];
const PURPOSES = [
  ['主轴轴承失效断口分析', '失效轴承内圈 2 件'],
  ['齿轮箱体形位公差验收', '箱体 1 件'],
  ['渗碳层残余应力测试', '试样 3 件 Φ20 mm'],
  ['焊接接头疲劳寿命试验', '焊接试样 6 件'],
  ['来料牌号复检', '棒料试块 4 件'],
] as const;
/** Past slots' fates, in turn: mostly used, sometimes declined, cancelled or not turned up to. */
const PAST_FATES = [
  'completed',
  'completed',
  'completed',
  'declined',
  'completed',
  'no_show',
  'completed',
  'cancelled',
] as const;

const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`);
const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

export async function seedDemoInstruments(db: Database) {
  const access = createAccessPolicy({ orgs: createOrgRepository() });
  const repository = createInstrumentRepository();
  const capabilities = createCapabilityService({ db, access });
  const instruments = createInstrumentService({ db, access, repository });
  const notifications = createNotificationService({ db, sender: { send: async () => {} } });
  const bookings = createBookingService({ db, access, repository, instruments, notifications });
  const today = platformDate();
  const requesters = await Promise.all(REQUESTERS.map((email) => actorOf(db, email)));

  for (const [index, demo] of INSTRUMENTS.entries()) {
    const owner = await actorOf(db, demo.owner);
    const capability = await capabilities.create(owner, {
      kind: 'instrument',
      title: demo.title,
      description: demo.description,
      fields: demo.fields,
      keywords: demo.profile.measuresZh.split('、').slice(0, 4),
      cooperationTypes: ['instrument_sharing', 'testing_analysis'],
      availability: demo.profile.openingHours.length === 5 ? '周一至周五 Mon–Fri' : '周一至周六 Mon–Sat',
    });
    if (capability.status === 'draft')
      await capabilities.transition(owner, capability.id, { action: 'submit' });
    const instrument = await instruments.saveProfile(owner, capability.id, demo.profile);
    const profile = (await repository.get(db, instrument.id))!.profile!;
    const rate = {
      own: profile.feeOwnYuanPerHour,
      member: profile.feeMemberYuanPerHour,
      outside: profile.feeOutsideYuanPerHour,
    };

    // Worked out before the transaction below: embedded, a query outside it would wait for it to end.
    const relations = new Map<string, 'own' | 'member' | 'outside'>();
    for (const { orgId } of [owner, ...requesters]) {
      const member = await repository.shareAssociation(db, orgId, owner.orgId);
      relations.set(orgId, orgId === owner.orgId ? 'own' : member ? 'member' : 'outside');
    }
    const relationOf = (orgId: string) => relations.get(orgId)!;

    // The past three months: one or two slots a working day, each with its fate and its event.
    await db.transaction(async (tx) => {
      let slotNo = index;
      for (let day = -91; day < 0; day++) {
        const date = addDays(today, day);
        if (weekdayOf(date) > 5 || (day + index) % 3 === 0) continue;
        for (const [clockStart, clockEnd] of (day + index) % 2 === 0
          ? [
              ['09:00', '11:00'],
              ['14:00', '16:30'],
            ]
          : [['10:00', '12:00']]) {
          const who = slotNo % 6 === 5 ? owner : requesters[slotNo % requesters.length]!;
          const fate = PAST_FATES[slotNo % PAST_FATES.length]!;
          const [purpose, sample] = PURPOSES[slotNo % PURPOSES.length]!;
          slotNo++;
          const relation = relationOf(who.orgId);
          const startsAt = at(date, clockStart!);
          const endsAt = at(date, clockEnd!);
          // Used time runs a little short now and then: the fee follows the hours really used.
          const actualEnd = new Date(endsAt.getTime() - (slotNo % 4 === 0 ? 30 * 60_000 : 0));
          const used = fate === 'completed';
          const fee = Math.round(
            (rate[relation] * ((used ? actualEnd : endsAt).getTime() - startsAt.getTime())) / 3_600_000,
          );
          const [row] = await tx
            .insert(instrumentBookings)
            .values({
              instrumentId: instrument.id,
              ownerOrgId: owner.orgId,
              requesterOrgId: who.orgId,
              requesterUserId: who.userId,
              startsAt,
              endsAt,
              purpose,
              sample,
              status: fate,
              relation,
              rateYuanPerHour: rate[relation],
              feeYuan: fee,
              actualStartAt: used ? startsAt : null,
              actualEndAt: used ? actualEnd : null,
              decisionReason:
                fate === 'declined' ? '样品尺寸超出样品台范围 Sample too large for the stage' : null,
              createdAt: at(addDays(date, -7), '10:00'),
            })
            .returning();
          await recordEvent(tx, {
            actorUserId: owner.userId,
            actorOrgId: owner.orgId,
            entityType: 'instrument_booking',
            entityId: row!.id,
            action:
              fate === 'completed'
                ? 'complete'
                : fate === 'declined'
                  ? 'decline'
                  : fate === 'cancelled'
                    ? 'cancel'
                    : 'no_show',
            before: {
              status: fate === 'declined' ? 'requested' : fate === 'completed' ? 'in_use' : 'approved',
            },
            after: { status: fate, seeded: true },
          });
        }
      }
    });

    // The weeks ahead, through the service: requests waiting, approved ones, and one cancelled by its requester.
    let ahead = 0;
    for (let day = 2; day <= 24 && ahead < 6; day++) {
      const date = addDays(today, day);
      if (weekdayOf(date) > 5 || (day + index) % 2 === 1) continue;
      const who = requesters[(ahead + index) % requesters.length]!;
      const [purpose, sample] = PURPOSES[(ahead + index) % PURPOSES.length]!;
      const booking = await bookings.request(who, instrument.id, {
        startsAt: at(date, '09:00').toISOString(),
        endsAt: at(date, '11:00').toISOString(),
        purpose,
        sample,
      });
      if (booking.status === 'requested' && ahead % 3 === 1) {
        await bookings.transition(owner, booking.id, { action: 'approve', version: booking.version });
      } else if (ahead % 5 === 4) {
        await bookings.transition(who, booking.id, {
          action: 'cancel',
          version: booking.version,
          reason: '样品未备好 Samples not ready',
        });
      }
      ahead++;
    }

    if (index === 0) {
      // In use right now, by a member firm.
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      const who = requesters[0]!;
      const relation = relationOf(who.orgId);
      const [row] = await db
        .insert(instrumentBookings)
        .values({
          instrumentId: instrument.id,
          ownerOrgId: owner.orgId,
          requesterOrgId: who.orgId,
          requesterUserId: who.userId,
          startsAt: new Date(hour - 3_600_000),
          endsAt: new Date(hour + 2 * 3_600_000),
          purpose: PURPOSES[0][0],
          sample: PURPOSES[0][1],
          status: 'in_use',
          relation,
          rateYuanPerHour: rate[relation],
          feeYuan: rate[relation] * 3,
          actualStartAt: new Date(hour - 3_600_000),
        })
        .returning();
      await recordEvent(db, {
        actorUserId: owner.userId,
        actorOrgId: owner.orgId,
        entityType: 'instrument_booking',
        entityId: row!.id,
        action: 'start',
        before: { status: 'approved' },
        after: { status: 'in_use', seeded: true },
      });

      // Maintenance next week, on a day nobody booked yet.
      const date = [...Array(10).keys()].map((d) => addDays(today, 7 + d)).find((d) => weekdayOf(d) === 3)!;
      await instruments.addOutage(owner, instrument.id, {
        startsAt: at(date, '13:00').toISOString(),
        endsAt: at(date, '17:30').toISOString(),
        reason: '年度维护保养 Annual maintenance',
      });
    }
  }
}
