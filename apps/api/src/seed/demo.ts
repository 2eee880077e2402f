// Fictional demo data in the spirit of a Zhejiang machinery cluster: one login per role, password `demo-password`.
import type { Designation, NewOrg } from '@coop/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organizations, users } from '../db/schema/index.js';
import { createAccessPolicy } from '../modules/access/policy.js';
import { createCapabilityService } from '../modules/capabilities/service.js';
import { createNeedService } from '../modules/needs/service.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createAuthRepository } from '../modules/auth/repository.js';
import { createOrgRepository } from '../modules/orgs/repository.js';
import { seedDemoDesignations } from './demo-designations.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoHistory } from './demo-history.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { seedDemoInstruments } from './demo-instruments.js';
import { DEMO_CAPABILITIES, DEMO_NEEDS } from './demo-listings.js';

export const DEMO_PASSWORD = 'demo-password';

interface DemoOrg extends NewOrg {
  key: string;
  /** Held as verified certificates (designation claims), not on the profile. */
  designations?: Designation[];
  verified: boolean;
  description: string;
}

const ORGS: DemoOrg[] = [
  {
    key: 'centre',
    kind: 'institute',
    nameZh: '之江科技成果转化服务中心',
    nameEn: 'Zhijiang Technology Transfer Service Centre',
    regionCode: '330100',
    verified: true,
    description: '平台运营方：组织对接活动、维护平台。Operates the platform and its docking events.',
  },
  {
    key: 'association',
    kind: 'association',
    nameZh: '之江机械工业协会',
    nameEn: 'Zhijiang Machinery Industry Association',
    regionCode: '330100',
    industry: '机械 / Machinery',
    verified: true,
    description:
      '60 家机械企业组成的行业协会，组织产学研对接会与批量签约。An association of 60 machinery firms.',
  },
  {
    key: 'hengchuan',
    kind: 'enterprise',
    nameZh: '恒川数控机床有限公司',
    nameEn: 'Hengchuan CNC Machine Tools Co., Ltd.',
    regionCode: '331000',
    industry: '数控机床 / CNC machine tools',
    designations: ['high_tech', 'specialized_sophisticated'],
    verified: true,
    description:
      '中高端数控车床、加工中心制造商。Maker of mid- to high-end CNC lathes and machining centres.',
  },
  {
    key: 'ouyue',
    kind: 'enterprise',
    nameZh: '瓯越精密轴承股份有限公司',
    nameEn: 'Ouyue Precision Bearings Co., Ltd.',
    regionCode: '330300',
    industry: '轴承 / Bearings',
    designations: ['high_tech', 'little_giant'],
    verified: true,
    description: '精密滚动轴承研发与制造。Precision rolling bearings.',
  },
  {
    key: 'minghu',
    kind: 'enterprise',
    nameZh: '明湖液压科技有限公司',
    nameEn: 'Minghu Hydraulics Technology Co., Ltd.',
    regionCode: '330200',
    industry: '液压 / Hydraulics',
    designations: ['invisible_champion'],
    verified: true,
    description: '工程机械液压阀与泵。Hydraulic valves and pumps for construction machinery.',
  },
  {
    key: 'yuexi',
    kind: 'enterprise',
    nameZh: '越溪智能装备有限公司',
    nameEn: 'Yuexi Intelligent Equipment Co., Ltd.',
    regionCode: '330600',
    industry: '智能装备 / Intelligent equipment',
    verified: false,
    description: '纺织机械自动化改造。Automation retrofits for textile machinery.',
  },
  {
    key: 'university',
    kind: 'college',
    nameZh: '浙东理工大学',
    nameEn: 'East Zhejiang University of Technology',
    regionCode: '330106',
    designations: ['provincial_research_institute'],
    verified: true,
    description:
      '以机械工程、材料、控制见长的理工科大学。Engineering university strong in mechanics, materials and control.',
  },
  {
    key: 'vocational',
    kind: 'college',
    nameZh: '钱塘职业技术学院',
    nameEn: 'Qiantang Vocational and Technical College',
    regionCode: '330110',
    verified: true,
    description:
      '数控技术、工业机器人专业人才培养与社会培训。Training technicians in CNC and industrial robotics.',
  },
  {
    key: 'testcentre',
    kind: 'institute',
    nameZh: '之江精密检测中心',
    nameEn: 'Zhijiang Precision Testing Centre',
    regionCode: '330100',
    verified: true,
    description:
      '高校与行业共建的第三方检测中心，对外开放力学与化学分析仪器。A co-built testing centre opening its instruments to firms.',
  },
  {
    key: 'government',
    kind: 'government',
    nameZh: '之江省科学技术厅',
    nameEn: 'Zhijiang Provincial Department of Science and Technology',
    regionCode: '330000',
    verified: true,
    description:
      '负责全省产学研合作统筹与考核。Oversees industry–university–research cooperation in the province.',
  },
];

const MEMBERS = ['hengchuan', 'ouyue', 'minghu', 'yuexi', 'university'];

const LOGINS = [
  { email: 'admin@demo.cn', org: 'centre', displayName: '平台管理员 Admin', platformRole: 'admin' as const },
  {
    email: 'coordinator@demo.cn',
    org: 'association',
    displayName: '王敏 Wang Min',
    platformRole: 'coordinator' as const,
  },
  { email: 'enterprise@demo.cn', org: 'hengchuan', displayName: '李强 Li Qiang', platformRole: null },
  { email: 'college@demo.cn', org: 'university', displayName: '陈静 Chen Jing', platformRole: null },
  { email: 'gov@demo.cn', org: 'government', displayName: '赵立 Zhao Li', platformRole: null },
  // Not advertised logins: authors of the other organisations' demo listings.
  { email: 'yuexi@demo.cn', org: 'yuexi', displayName: '孙悦 Sun Yue', platformRole: null },
  { email: 'ouyue@demo.cn', org: 'ouyue', displayName: '黄海 Huang Hai', platformRole: null },
  { email: 'minghu@demo.cn', org: 'minghu', displayName: '吴磊 Wu Lei', platformRole: null },
  { email: 'vocational@demo.cn', org: 'vocational', displayName: '郑芳 Zheng Fang', platformRole: null },
  { email: 'testcentre@demo.cn', org: 'testcentre', displayName: '钱伟 Qian Wei', platformRole: null },
];

/** Posts the demo listings through the real services, so they get events and outbox rows like any other. */
async function seedListings(db: Database, orgIds: Map<string, string>) {
  const access = createAccessPolicy({ orgs: createOrgRepository() });
  const needs = createNeedService({ db, access });
  const capabilities = createCapabilityService({ db, access });
  const actorOf = async (orgKey: string) => {
    const orgId = orgIds.get(orgKey)!;
    const [author] = await db.select().from(users).where(eq(users.orgId, orgId));
    const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    return {
      userId: author!.id,
      sessionId: 'seed',
      orgId,
      orgKind: org!.kind,
      orgRegionCode: org!.regionCode,
      orgVerified: org!.verified,
      orgRole: 'admin' as const,
      platformRole: null,
      timeZone: author!.timeZone,
    };
  };
  for (const { org, ...need } of DEMO_NEEDS) await needs.create(await actorOf(org), need);
  for (const { org, ...capability } of DEMO_CAPABILITIES)
    await capabilities.create(await actorOf(org), capability);
}

/** Seeds once; answers false when demo data is already there. */
export async function seedDemo(db: Database, options: { listings?: boolean } = {}): Promise<boolean> {
  const [already] = await db.select({ id: users.id }).from(users).where(eq(users.email, LOGINS[0]!.email));
  if (already) return false;
  const passwordHashes = await Promise.all(LOGINS.map(() => hashPassword(DEMO_PASSWORD)));
  const orgs = createOrgRepository();
  const auth = createAuthRepository();
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const { key, designations: _held, ...org } of ORGS) ids.set(key, (await orgs.create(tx, org)).id);
    for (const member of MEMBERS) await orgs.addMember(tx, ids.get('association')!, ids.get(member)!);
    for (const [index, login] of LOGINS.entries()) {
      await auth.createUser(tx, {
        email: login.email,
        orgId: ids.get(login.org)!,
        displayName: login.displayName,
        orgRole: 'admin',
        platformRole: login.platformRole,
        passwordHash: passwordHashes[index]!,
      });
    }
  });
  // Before listings are indexed, so their documents carry the designations that count.
  const held = ORGS.flatMap(({ key, designations = [] }) =>
    designations.map((kind) => ({ orgId: ids.get(key)!, kind })),
  );
  await seedDemoDesignations(db, ids, held);
  if (options.listings ?? true) {
    await seedListings(db, ids);
    await seedDemoAgreements(db, ids);
    await seedDemoHistory(db, ids);
    await seedDemoMeetings(db, ids);
    await seedDemoInstruments(db);
  }
  return true;
}
