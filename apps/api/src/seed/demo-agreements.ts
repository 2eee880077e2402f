// A demo three-party framework agreement brokered by the association, with its live project list.
// Made through the real services, so every step has its event and shows in the timeline.
import type { NewChecklistItem } from '@coop/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organizations, users } from '../db/schema/index.js';
import type { Actor } from '../modules/access/actor.js';
import { createAccessPolicy } from '../modules/access/policy.js';
import { addDays, platformDate } from '../modules/agreements/dates.js';
import { createJournal } from '../modules/agreements/journal.js';
import { createAgreementService } from '../modules/agreements/service.js';
import { createLiveFeed } from '../modules/events/live.js';
import { createNotificationService } from '../modules/notifications/service.js';
import { createOrgRepository } from '../modules/orgs/repository.js';
import { createChecklistService } from '../modules/projects/checklist.js';
import { createProjectService } from '../modules/projects/service.js';

type Item = Omit<NewChecklistItem, 'responsible'> & { responsible: string; dueIn?: number };

interface DemoProject {
  title: string;
  description: string;
  owner: string;
  leadName: string;
  dueIn: number;
  deliverables: string[];
  items: Item[];
  note?: string;
}

const PROJECTS: DemoProject[] = [
  {
    title: '共建机械分析测试中心 Co-build a mechanical analysis and testing centre',
    description: '依托浙东理工大学实验室，三方共建面向协会会员企业开放的机械零部件分析测试中心。',
    owner: 'university',
    leadName: '刘建国 Liu Jianguo',
    dueIn: 300,
    deliverables: ['测试中心挂牌', 'CNAS 认可证书'],
    items: [
      { title: '场地与设备清单确认', responsible: 'joint', status: 'done', evidence: '三方会议纪要 2026-01' },
      { title: '三坐标测量机采购与安装', responsible: 'university', status: 'in_progress', dueIn: 45 },
      { title: 'CNAS 认可申请', responsible: 'university', dueIn: 240 },
    ],
  },
  {
    title: '数控技师联合培养 Joint training of CNC technicians',
    description: '钱塘职业技术学院与恒川数控联合培养数控技师，学生在企业实训基地完成岗位实习。',
    owner: 'vocational',
    leadName: '郑芳 Zheng Fang',
    dueIn: 200,
    deliverables: ['培养方案', '首期 40 名学员结业'],
    items: [
      {
        title: '联合培养方案制定',
        responsible: 'vocational',
        status: 'done',
        evidence: '培养方案（定稿）.pdf',
      },
      // Past its due date and not done: shows as overdue.
      { title: '企业实训基地挂牌', responsible: 'hengchuan', status: 'in_progress', dueIn: -10 },
      { title: '首期 40 名学员开班', responsible: 'joint', dueIn: 20 },
    ],
    note: '实训基地设备已到位，挂牌仪式待企业确定日期。',
  },
  {
    title: '大型仪器共享 Shared large instruments',
    description: '浙东理工大学向协会会员开放大型仪器，恒川数控开放五轴加工中心用于教学。',
    owner: 'university',
    leadName: '陈静 Chen Jing',
    dueIn: 150,
    deliverables: ['仪器开放目录', '共享预约流程'],
    items: [
      {
        title: '仪器开放目录发布',
        responsible: 'university',
        status: 'done',
        evidence: 'https://example.cn/instruments',
      },
      { title: '共享预约流程上线', responsible: 'joint', status: 'blocked', dueIn: 30 },
    ],
  },
];

/** The demo user behind a login, as the services see a caller. */
export async function actorOf(db: Database, email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const [org] = await db.select().from(organizations).where(eq(organizations.id, user!.orgId));
  return {
    userId: user!.id,
    sessionId: 'seed',
    orgId: org!.id,
    orgKind: org!.kind,
    orgRegionCode: org!.regionCode,
    orgVerified: org!.verified,
    orgRole: user!.orgRole,
    platformRole: user!.platformRole,
    timeZone: user!.timeZone,
  };
}

/** `orgIds`: demo organisation keys to ids, as seed/demo.ts has them. */
export async function seedDemoAgreements(db: Database, orgIds: Map<string, string>) {
  const access = createAccessPolicy({ orgs: createOrgRepository() });
  // Nobody listens while seeding: commits are announced in this process only.
  const journal = createJournal(db, createLiveFeed({ db, pool: null }));
  // Seeding warns nobody: expiry checks run in the app.
  const notifications = createNotificationService({ db, sender: { send: async () => {} } });
  const agreements = createAgreementService({ db, access, journal, notifications });
  const projects = createProjectService({ db, access, agreements, journal });
  const checklist = createChecklistService({ db, agreements, projects, journal });
  const coordinator = await actorOf(db, 'coordinator@demo.cn');
  const today = platformDate();
  const org = (key: string) => orgIds.get(key)!;

  const draft = await agreements.create(coordinator, {
    type: 'framework',
    title:
      '数控装备产教融合三方合作框架协议 Three-party framework agreement on CNC industry–education cooperation',
    description: '在之江机械工业协会对接会上签署。Signed at the association’s docking meeting.',
    parties: [
      { orgId: org('hengchuan'), signatoryName: '李强 Li Qiang', signatoryTitle: '总经理 General manager' },
      {
        orgId: org('university'),
        signatoryName: '陈静 Chen Jing',
        signatoryTitle: '科技处处长 Director of research',
      },
      { orgId: org('vocational'), signatoryName: '郑芳 Zheng Fang', signatoryTitle: '副院长 Vice president' },
    ],
    startDate: addDays(today, -120),
    endDate: addDays(today, 3 * 365),
    valueYuan: 5_000_000,
  });
  const signed = await agreements.transition(coordinator, draft.id, {
    action: 'sign',
    version: draft.version,
    signedOn: addDays(today, -120),
  });
  await agreements.transition(coordinator, draft.id, { action: 'activate', version: signed.version });

  for (const { owner, dueIn, items, note, ...project } of PROJECTS) {
    const created = await projects.create(coordinator, draft.id, {
      ...project,
      ownerOrgId: org(owner),
      startDate: addDays(today, -100),
      dueDate: addDays(today, dueIn),
      status: 'active',
    });
    for (const { responsible, dueIn: itemDue, ...item } of items) {
      await checklist.create(coordinator, created.id, {
        ...item,
        responsible: responsible === 'joint' ? 'joint' : org(responsible),
        dueDate: itemDue === undefined ? null : addDays(today, itemDue),
      });
    }
    if (note) await projects.addNote(coordinator, created.id, { body: note });
  }
}
