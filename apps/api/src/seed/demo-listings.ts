// Demo needs and capabilities of the fictional Zhijiang machinery cluster, in Chinese and English.
import type { NewCapability, NewNeed } from '@coop/shared';

type DemoNeed = NewNeed & { org: string };
type DemoCapability = NewCapability & { org: string };

export const DEMO_NEEDS: DemoNeed[] = [
  {
    org: 'hengchuan',
    title: '五轴加工中心电主轴热误差建模与补偿',
    description:
      '我公司五轴立式加工中心在连续高速加工时电主轴温升明显，Z向热伸长达20微米以上，影响精密零件加工精度。希望与高校合作建立热误差预测模型，并开发可嵌入数控系统的实时补偿模块。',
    fields: ['machinery.cnc', 'machinery.precision_machining'],
    keywords: ['电主轴', '热误差', '误差补偿', '数控系统'],
    cooperationTypes: ['joint_rnd', 'technical_service'],
    budgetMin: 500_000,
    budgetMax: 1_200_000,
    deadline: '2027-06-30',
  },
  {
    org: 'hengchuan',
    title: 'Technician training for CNC machining centre operators',
    description:
      'We are adding twelve machining centres next year and need a training programme for 40 operators: programming, setup, measurement and daily maintenance, with internships for vocational students.',
    fields: ['machinery.cnc'],
    keywords: ['operator training', 'internship', 'CNC programming'],
    cooperationTypes: ['training', 'talent_internship'],
    budgetMax: 300_000,
  },
  {
    org: 'ouyue',
    title: '高速精密轴承套圈磨削烧伤在线检测',
    description:
      '轴承套圈磨削过程中偶发磨削烧伤，目前依靠酸洗抽检，效率低且破坏样品。需要一种基于巴克豪森噪声或涡流的在线无损检测方法，能集成到磨床生产线。',
    fields: ['machinery.bearings', 'electronics.sensors'],
    keywords: ['磨削烧伤', '无损检测', '轴承套圈', '巴克豪森噪声'],
    cooperationTypes: ['joint_rnd', 'testing_analysis'],
    budgetMin: 300_000,
    budgetMax: 600_000,
    deadline: '2027-03-31',
  },
  {
    org: 'minghu',
    title: 'Leakage and wear of proportional hydraulic valves at high pressure',
    description:
      'Our proportional directional valves for excavators show internal leakage growth after 3,000 hours at 35 MPa. We need spool-bore wear analysis, coating options and an accelerated life test method.',
    fields: ['machinery.hydraulics', 'materials.coatings'],
    keywords: ['proportional valve', 'internal leakage', 'wear', 'life test'],
    cooperationTypes: ['testing_analysis', 'joint_rnd'],
    budgetMin: 400_000,
    budgetMax: 900_000,
    visibility: 'members',
  },
  {
    org: 'minghu',
    title: '电液伺服阀新结构研发（保密）',
    description: '新一代电液伺服阀结构方案与流场仿真，涉及核心专利布局，细节面谈。',
    fields: ['machinery.hydraulics'],
    keywords: ['电液伺服阀', '流场仿真'],
    cooperationTypes: ['joint_rnd'],
    visibility: 'confidential',
    publicSummary:
      '宁波一家液压企业寻求液压阀流场仿真与结构优化方面的联合研发。 A hydraulics firm in Ningbo seeks joint R&D on valve flow simulation.',
  },
  {
    org: 'yuexi',
    title: '纺织机械上下料工业机器人视觉定位',
    description: '为经编机筒子架自动上下料开发基于机器视觉的定位系统，要求定位精度±1毫米，节拍小于8秒。',
    fields: ['machinery.robotics', 'software_ai.machine_vision'],
    keywords: ['机器视觉', '上下料', '工业机器人'],
    cooperationTypes: ['joint_rnd', 'technical_service'],
  },
];

export const DEMO_CAPABILITIES: DemoCapability[] = [
  {
    org: 'university',
    kind: 'research_team',
    title: '精密制造与误差补偿研究团队',
    description:
      '团队长期从事数控机床热误差、几何误差建模与补偿研究，开发的热误差补偿系统已在多家机床企业应用，可将热漂移降低60%以上。拥有激光干涉仪、球杆仪等检测设备。',
    fields: ['machinery.cnc', 'machinery.precision_machining'],
    keywords: ['热误差补偿', '几何误差', '激光干涉仪', '数控机床'],
    cooperationTypes: ['joint_rnd', 'technical_service', 'consulting'],
    teamLead: '周建华 教授',
  },
  {
    org: 'university',
    kind: 'instrument',
    title: 'Field-emission scanning electron microscope with EDS',
    description:
      'Field-emission SEM with energy-dispersive spectroscopy for fracture surfaces, wear tracks and coating cross-sections. Open to member firms; operator-assisted sessions.',
    fields: ['materials.metals', 'materials.coatings'],
    keywords: ['SEM', 'EDS', 'fracture analysis', 'wear'],
    cooperationTypes: ['instrument_sharing', 'testing_analysis'],
    bookingTerms: 'Half-day slots booked a week ahead; member firms 400 CNY/hour with operator.',
    availability: 'Mon–Fri',
  },
  {
    org: 'university',
    kind: 'lab_platform',
    title: '液压元件可靠性与摩擦学实验室',
    description:
      '省级重点实验室，具备液压阀泵加速寿命试验台（最高42MPa）、摩擦磨损试验机和表面涂层制备能力，可开展内泄漏机理与耐磨涂层研究。',
    fields: ['machinery.hydraulics', 'materials.coatings'],
    keywords: ['液压阀', '加速寿命试验', '摩擦磨损', '内泄漏'],
    cooperationTypes: ['testing_analysis', 'joint_rnd', 'co_built_platform'],
  },
  {
    org: 'university',
    kind: 'achievement',
    title: '基于涡流的磨削烧伤无损检测技术',
    description:
      '已授权发明专利2项的磨削烧伤涡流检测技术，样机已在轴承企业试用，检测节拍小于2秒，可转让或许可。',
    fields: ['machinery.bearings', 'electronics.sensors'],
    keywords: ['磨削烧伤', '涡流检测', '无损检测'],
    cooperationTypes: ['tech_transfer', 'joint_rnd'],
    trl: 6,
    patentNumbers: ['ZL202110000001.X', 'ZL202210000002.3'],
  },
  {
    org: 'vocational',
    kind: 'training',
    title: 'CNC and industrial robot technician training',
    description:
      'Short courses and apprenticeships for machining centre operators and robot maintenance technicians, with 30 training cells and certification; internships for our students in member firms.',
    fields: ['machinery.cnc', 'machinery.robotics'],
    keywords: ['operator training', 'apprenticeship', 'certification'],
    cooperationTypes: ['training', 'talent_internship'],
  },
];
