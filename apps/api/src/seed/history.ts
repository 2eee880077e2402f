// A generated, deterministic and fictional history of cooperation: organisations across several cities (and two
// other provinces), needs and capabilities, matches at every stage with their moves in the event log, agreements
// with project lists in every state, checklists, and annual targets. The demo seeds a small one so every chart
// shows something on first start; the report tests and the reports benchmark generate theirs with other sizes.
// Written in bulk (not through the services) so a year of work loads in seconds; every move still has its event.
import {
  COOPERATION_TYPES,
  DESIGNATIONS,
  FIELD_CODES,
  type AgreementType,
  type Designation,
} from '@coop/shared';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.js';
import { certifyDesignations, type DemoDesignation } from './demo-designations.js';
import {
  agreementEvents,
  agreementParties,
  agreements,
  associationMembers,
  capabilities,
  checklistItems,
  events,
  matches,
  needs,
  organizations,
  projects,
  searchOutbox,
  users,
} from '../db/schema/index.js';

export interface HistorySize {
  orgs: number;
  needs: number;
  capabilities: number;
  /** Needs that get matches (1–3 each). */
  matchedNeeds: number;
  agreements: number;
  /** The most projects a signed agreement's list holds (1 to this many, evenly). */
  projectsPerAgreement: number;
  /** How many days the history runs back from `now`. */
  days: number;
}

/** Two years, so last year's figures stand beside this year's. */
export const DEMO_HISTORY: HistorySize = {
  orgs: 40,
  needs: 360,
  capabilities: 200,
  matchedNeeds: 180,
  agreements: 36,
  projectsPerAgreement: 3,
  days: 730,
};

export interface HistoryOptions {
  size: HistorySize;
  /** The calendar's "now": the history runs over the days before it. */
  now: Date;
  seed?: number;
  /** The association that half the generated enterprises join. */
  associationId?: string;
  /** A password hash for the generated organisations' users (nobody knows the password). */
  passwordHash: string;
  /** Tag in generated e-mail addresses, so two histories in one database do not collide. */
  tag?: string;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], most: number): T[] => {
    const count = int(1, most);
    return [...new Set(Array.from({ length: count }, () => pick(list)))];
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}

const CITIES = [
  '330106',
  '330108',
  '330110',
  '330212',
  '330200',
  '330300',
  '330400',
  '330500',
  '330600',
  '330700',
  '331000',
  '331002',
  '331100',
  // Outside the demo province: what a provincial officer does not see.
  '320000',
  '310000',
];
const PLACES: [string, string][] = [
  ['钱江', 'Qianjiang'],
  ['明州', 'Mingzhou'],
  ['瓯江', 'Oujiang'],
  ['南湖', 'Nanhu'],
  ['太湖', 'Taihu'],
  ['鉴湖', 'Jianhu'],
  ['婺江', 'Wujiang'],
  ['椒江', 'Jiaojiang'],
  ['括苍', 'Kuocang'],
  ['天台', 'Tiantai'],
];
const TRADES: [string, string, string][] = [
  ['精密机械', 'Precision Machinery', 'machinery'],
  ['智能装备', 'Intelligent Equipment', 'machinery'],
  ['新材料', 'Advanced Materials', 'materials'],
  ['电子科技', 'Electronics', 'electronics'],
  ['液压传动', 'Hydraulic Drives', 'machinery'],
  ['环保科技', 'Environmental Technology', 'environment'],
  ['汽车零部件', 'Auto Parts', 'machinery'],
  ['生物医药', 'Biopharma', 'biomedicine'],
];
const NEED_TOPICS: [string, string][] = [
  ['主轴热变形补偿', 'spindle thermal deformation compensation'],
  ['高速切削刀具寿命提升', 'longer tool life in high-speed cutting'],
  ['焊接机器人视觉引导', 'vision guidance for welding robots'],
  ['轴承套圈表面强化', 'surface strengthening of bearing rings'],
  ['液压阀泄漏检测', 'leak detection of hydraulic valves'],
  ['注塑件翘曲控制', 'warpage control of injection mouldings'],
  ['产线能耗监测', 'energy monitoring of production lines'],
  ['复合材料轻量化设计', 'lightweight composite design'],
  ['设备故障预测', 'predictive maintenance of machines'],
  ['工业废水处理', 'industrial wastewater treatment'],
];
const AGREEMENT_TYPES_USED: AgreementType[] = [
  'framework',
  'project',
  'technology_transfer',
  'technical_service',
  'training',
  'co_construction',
];

const DAY = 86_400_000;
const isoDay = (time: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(time));

async function insertAll<T>(db: Executor, rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 500) await insert(rows.slice(start, start + 500));
  void db;
}

export interface History {
  orgIds: string[];
  needIds: string[];
  agreementIds: string[];
}

export async function generateHistory(db: Executor, options: HistoryOptions): Promise<History> {
  const { size, now, passwordHash, tag = 'history' } = options;
  const random = randomSource(options.seed ?? 20260101);
  const end = now.getTime();
  const start = end - size.days * DAY;
  const at = (from: number, to: number) => from + random.next() * Math.max(0, to - from);

  // Organisations: enterprises, colleges and institutes, each with one user who authored its listings.
  type OrgRow = typeof organizations.$inferInsert & { id: string };
  const orgRows: OrgRow[] = [];
  const held: DemoDesignation[] = [];
  const ofKind = { enterprise: 0, college: 0, institute: 0 };
  for (let index = 0; index < size.orgs; index++) {
    const kind = index % 5 < 3 ? 'enterprise' : index % 5 === 3 ? 'college' : 'institute';
    // Each kind spreads over every city on its own, so every city (and province) has some of each.
    const place = ofKind[kind]++;
    const [placeZh, placeEn] = PLACES[index % PLACES.length]!;
    const [tradeZh, tradeEn] = TRADES[Math.floor(index / PLACES.length) % TRADES.length]!;
    const serial = Math.floor(index / (PLACES.length * TRADES.length)) || '';
    const names =
      kind === 'enterprise'
        ? [
            `${placeZh}${tradeZh}${serial}有限公司`,
            `${placeEn} ${tradeEn}${serial ? ` ${serial}` : ''} Co., Ltd.`,
          ]
        : kind === 'college'
          ? [
              `${placeZh}${tradeZh}${serial}学院`,
              `${placeEn} College of ${tradeEn}${serial ? ` ${serial}` : ''}`,
            ]
          : [
              `${placeZh}${tradeZh}${serial}研究院`,
              `${placeEn} Institute of ${tradeEn}${serial ? ` ${serial}` : ''}`,
            ];
    const designations: Designation[] =
      kind === 'enterprise' && random.chance(0.6) ? random.some(DESIGNATIONS.slice(0, 4), 2) : [];
    const id = randomUUID();
    held.push(...designations.map((kind) => ({ orgId: id, kind })));
    orgRows.push({
      id,
      kind,
      nameZh: names[0]!,
      nameEn: names[1]!,
      regionCode: CITIES[place % CITIES.length]!,
      industry: `${tradeZh} / ${tradeEn}`,
      verified: random.chance(0.85),
      description: `虚构的示例机构。A fictional demo organisation.`,
      // Most joined over a year ago; some this year (they count this year, not in the same-basis comparison).
      createdAt: new Date(random.chance(0.8) ? at(start - 400 * DAY, start) : at(start, end - 30 * DAY)),
    });
  }
  const userIds = new Map<string, string>();
  await insertAll(db, orgRows, (chunk) => db.insert(organizations).values(chunk));
  await certifyDesignations(db, held);
  const userRows = orgRows.map((org, index) => {
    const id = randomUUID();
    userIds.set(org.id, id);
    return {
      id,
      orgId: org.id,
      email: `${tag}-${index + 1}@history.demo.cn`,
      passwordHash,
      displayName: `${org.nameZh} 联系人`,
      orgRole: 'admin' as const,
    };
  });
  await insertAll(db, userRows, (chunk) => db.insert(users).values(chunk));
  const enterprises = orgRows.filter((o) => o.kind === 'enterprise');
  const colleges = orgRows.filter((o) => o.kind !== 'enterprise');
  if (options.associationId) {
    const members = enterprises.filter((_, index) => index % 2 === 0);
    await insertAll(db, members, (chunk) =>
      db
        .insert(associationMembers)
        .values(chunk.map((m) => ({ associationId: options.associationId!, memberId: m.id }))),
    );
  }

  type EventRow = typeof events.$inferInsert & { agreementId?: string; projectId?: string };
  const eventRows: EventRow[] = [];
  const event = (row: Omit<EventRow, 'actorUserId' | 'actorOrgId'>, orgId: string) =>
    eventRows.push({ ...row, actorOrgId: orgId, actorUserId: userIds.get(orgId)! });

  // Needs and capabilities, published over the year.
  const needRows = Array.from({ length: size.needs }, (_, index) => {
    const org = enterprises[index % enterprises.length]!;
    const [topicZh, topicEn] = random.pick(NEED_TOPICS);
    const published = at(start, end - DAY);
    const id = randomUUID();
    const status = random.chance(0.1) ? ('closed' as const) : ('open' as const);
    event(
      {
        entityType: 'need',
        entityId: id,
        action: 'created',
        occurredAt: new Date(published),
        after: { status },
      },
      org.id,
    );
    return {
      id,
      orgId: org.id,
      createdBy: userIds.get(org.id)!,
      title: `${topicZh}（${index + 1}）${topicEn}`,
      description: `${org.nameZh}寻求${topicZh}方面的合作。${org.nameEn} seeks partners for ${topicEn}.`,
      fields: random.some(FIELD_CODES, 2),
      keywords: [topicZh],
      cooperationTypes: random.some(COOPERATION_TYPES, 2),
      regionCode: org.regionCode,
      status,
      // Members only: the public catalogue stays the hand-written demo listings.
      visibility: random.chance(0.1) ? ('confidential' as const) : ('members' as const),
      publicSummary: `${topicZh}合作需求 A need on ${topicEn}`,
      createdAt: new Date(published),
      updatedAt: new Date(published),
      publishedAt: new Date(published),
    };
  });
  const capabilityRows = Array.from({ length: size.capabilities }, (_, index) => {
    const org = colleges[index % colleges.length]!;
    const [topicZh, topicEn] = random.pick(NEED_TOPICS);
    const published = at(start - 60 * DAY, end - DAY);
    return {
      id: randomUUID(),
      orgId: org.id,
      createdBy: userIds.get(org.id)!,
      kind: random.pick(['research_team', 'lab_platform', 'instrument', 'achievement', 'training'] as const),
      title: `${topicZh}研究团队（${index + 1}）Team on ${topicEn}`,
      description: `${org.nameZh}在${topicZh}方面有多年积累。${org.nameEn} has years of work on ${topicEn}.`,
      fields: random.some(FIELD_CODES, 2),
      keywords: [topicZh],
      cooperationTypes: random.some(COOPERATION_TYPES, 2),
      regionCode: org.regionCode,
      status: 'open' as const,
      visibility: 'members' as const,
      createdAt: new Date(published),
      updatedAt: new Date(published),
      publishedAt: new Date(published),
    };
  });
  await insertAll(db, needRows, (chunk) => db.insert(needs).values(chunk));
  await insertAll(db, capabilityRows, (chunk) => db.insert(capabilities).values(chunk));
  const outbox = [
    ...needRows.map((n) => ({ entityType: 'need' as const, entityId: n.id })),
    ...capabilityRows.map((c) => ({ entityType: 'capability' as const, entityId: c.id })),
  ];
  await insertAll(db, outbox, (chunk) => db.insert(searchOutbox).values(chunk));

  // Matches: each matched need gets 1–3, moving through the stages; some stall, some are declined.
  const STAGES = ['interested', 'introduced', 'negotiating', 'agreed'] as const;
  type MatchRow = typeof matches.$inferInsert & { id: string; agreedAt: number | null; parties: string[] };
  const matchRows: MatchRow[] = [];
  for (const need of needRows.slice(0, size.matchedNeeds)) {
    const count = random.int(1, 3);
    const chosen = new Set<number>();
    for (let m = 0; m < count; m++) chosen.add(random.int(0, capabilityRows.length - 1));
    for (const capabilityIndex of chosen) {
      const capability = capabilityRows[capabilityIndex]!;
      const id = randomUUID();
      let time = need.publishedAt.getTime() + random.int(1, 20) * DAY * random.next();
      const reached = random.int(-1, STAGES.length - 1);
      let stage: MatchRow['stage'] = 'suggested';
      let agreedAt: number | null = null;
      for (let s = 0; s <= reached && time < end; s++) {
        time += random.int(2, 30) * DAY;
        if (time >= end) break;
        stage = STAGES[s]!;
        if (stage === 'agreed') agreedAt = time;
        event(
          {
            entityType: 'match',
            entityId: id,
            action: stage,
            occurredAt: new Date(time),
            before: null,
            after: { stage },
          },
          s % 2 === 0 ? need.orgId : capability.orgId,
        );
      }
      if (stage !== 'agreed' && stage !== 'suggested' && random.chance(0.25) && time + 5 * DAY < end) {
        time += 5 * DAY;
        event(
          {
            entityType: 'match',
            entityId: id,
            action: 'declined',
            occurredAt: new Date(time),
            after: { stage: 'declined' },
          },
          need.orgId,
        );
        stage = 'declined';
      }
      matchRows.push({
        id,
        needId: need.id,
        capabilityId: capability.id,
        score: Math.round(random.next() * 1000) / 1000,
        stage,
        movedAt: new Date(Math.min(time, end)),
        createdAt: need.publishedAt,
        agreedAt,
        parties: [need.orgId, capability.orgId],
      });
    }
  }
  await insertAll(db, matchRows, (chunk) =>
    db.insert(matches).values(chunk.map(({ agreedAt: _a, parties: _p, ...row }) => row)),
  );

  // Agreements: from agreed matches first, then between random pairs; in every status.
  const agreed = matchRows.filter((m) => m.agreedAt !== null);
  const agreementRows: (typeof agreements.$inferInsert & { id: string })[] = [];
  const partyRows: (typeof agreementParties.$inferInsert)[] = [];
  const projectRows: (typeof projects.$inferInsert & { id: string })[] = [];
  const itemRows: (typeof checklistItems.$inferInsert)[] = [];
  const STATUSES = [
    'draft',
    'negotiating',
    'signed',
    'active',
    'active',
    'active',
    'completed',
    'terminated',
    'expired',
  ] as const;
  for (let index = 0; index < size.agreements; index++) {
    const fromMatch = agreed[index];
    const partyIds = fromMatch
      ? fromMatch.parties
      : [enterprises[index % enterprises.length]!.id, colleges[(index * 7) % colleges.length]!.id];
    if (random.chance(0.2)) partyIds.push(colleges[(index * 3 + 1) % colleges.length]!.id);
    const parties = [...new Set(partyIds)];
    const status = fromMatch ? random.pick(STATUSES.slice(2)) : random.pick(STATUSES);
    const signedAt =
      status === 'draft' || status === 'negotiating'
        ? null
        : (fromMatch?.agreedAt ?? at(start, end - 20 * DAY));
    const id = randomUUID();
    const creator = parties[0]!;
    const type = index === 0 ? 'framework' : random.pick(AGREEMENT_TYPES_USED);
    const created = (signedAt ?? at(start, end)) - random.int(5, 30) * DAY;
    agreementRows.push({
      id,
      type,
      title: `${orgRows.find((o) => o.id === parties[0])!.nameZh}与${orgRows.find((o) => o.id === parties[1])!.nameZh}合作协议（${index + 1}）Cooperation agreement ${index + 1}`,
      status,
      matchId: fromMatch?.id ?? null,
      brokerOrgId: null,
      signedOn: signedAt ? isoDay(signedAt) : null,
      startDate: signedAt ? isoDay(signedAt) : null,
      endDate: signedAt ? isoDay(signedAt + (status === 'expired' ? 30 : 700) * DAY) : null,
      valueYuan: random.int(5, 500) * 10_000,
      createdBy: userIds.get(creator)!,
      createdAt: new Date(created),
      updatedAt: new Date(signedAt ?? created),
    });
    parties.forEach((orgId, position) =>
      partyRows.push({ agreementId: id, orgId, position, signatoryName: `签约代表 ${position + 1}` }),
    );
    event(
      {
        entityType: 'agreement',
        entityId: id,
        action: 'created',
        occurredAt: new Date(created),
        after: { status: 'draft' },
        agreementId: id,
      },
      creator,
    );
    if (signedAt) {
      event(
        {
          entityType: 'agreement',
          entityId: id,
          action: 'sign',
          occurredAt: new Date(signedAt),
          before: { status: 'negotiating' },
          after: { status: 'signed' },
          agreementId: id,
        },
        creator,
      );
    }
    if (!signedAt) continue;
    const projectCount = random.int(1, size.projectsPerAgreement);
    for (let p = 0; p < projectCount; p++) {
      const projectId = randomUUID();
      const projectStatus =
        status === 'completed'
          ? 'done'
          : status === 'terminated' || status === 'expired'
            ? 'closed'
            : random.pick(['planned', 'active', 'active', 'done'] as const);
      const doneAt = at(signedAt, end);
      projectRows.push({
        id: projectId,
        agreementId: id,
        title: `${random.pick(NEED_TOPICS)[0]}项目 ${p + 1} Project ${p + 1}`,
        ownerOrgId: parties[p % parties.length]!,
        leadName: `项目负责人 ${p + 1}`,
        startDate: isoDay(signedAt),
        dueDate: isoDay(signedAt + random.int(60, 400) * DAY),
        status: projectStatus,
        position: p,
      });
      event(
        {
          entityType: 'project',
          entityId: projectId,
          action: 'created',
          occurredAt: new Date(signedAt + DAY),
          after: { status: 'planned' },
          agreementId: id,
          projectId,
        },
        creator,
      );
      if (projectStatus === 'done' || projectStatus === 'closed') {
        event(
          {
            entityType: 'project',
            entityId: projectId,
            action: 'updated',
            occurredAt: new Date(doneAt),
            before: { status: 'active' },
            after: { status: projectStatus },
            agreementId: id,
            projectId,
          },
          creator,
        );
      }
      for (let i = 0; i < random.int(2, 4); i++) {
        const due = signedAt + random.int(10, 300) * DAY;
        const done = projectStatus === 'done' || (due < end && random.chance(0.6));
        itemRows.push({
          projectId,
          title: `${['方案评审', '样机试制', '中期检查', '验收测试'][i]} Milestone ${i + 1}`,
          dueDate: isoDay(due),
          responsibleOrgId: random.chance(0.3) ? null : parties[i % parties.length]!,
          status: done ? 'done' : random.pick(['pending', 'in_progress', 'blocked'] as const),
          position: i,
          completedAt: done ? new Date(Math.min(due, end)) : null,
        });
      }
    }
  }
  await insertAll(db, agreementRows, (chunk) => db.insert(agreements).values(chunk));
  await insertAll(db, partyRows, (chunk) => db.insert(agreementParties).values(chunk));
  await insertAll(db, projectRows, (chunk) => db.insert(projects).values(chunk));
  await insertAll(db, itemRows, (chunk) => db.insert(checklistItems).values(chunk));

  // The event log in time order, linked to agreements where it belongs (their timelines read it).
  eventRows.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
  await insertAll(db, eventRows, async (chunk) => {
    const ids = await db
      .insert(events)
      .values(chunk.map(({ agreementId: _a, projectId: _p, ...row }) => row))
      .returning({ id: events.id });
    const links = chunk.flatMap((row, index) =>
      row.agreementId
        ? [{ eventId: ids[index]!.id, agreementId: row.agreementId, projectId: row.projectId ?? null }]
        : [],
    );
    if (links.length) await db.insert(agreementEvents).values(links);
  });
  return {
    orgIds: orgRows.map((o) => o.id),
    needIds: needRows.map((n) => n.id),
    agreementIds: agreementRows.map((a) => a.id),
  };
}
