import type { Match } from '@/api/matching';
import type { Notification } from '@/api/notifications';

export function makeMatch(overrides: Partial<Match> = {}): Match {
  return {
    id: 'match-1',
    score: 0.66,
    stage: 'suggested',
    reasons: [
      { kind: 'shared_terms', terms: ['误差', '补偿'] },
      { kind: 'shared_fields', fields: ['machinery.cnc'] },
      { kind: 'cooperation_types', types: ['joint_rnd'] },
      { kind: 'same_city', regionCode: '330100' },
      { kind: 'designations', party: 'capability', designations: ['provincial_research_institute'] },
      { kind: 'past_cooperation', count: 2 },
    ],
    need: {
      id: 'need-1',
      title: '五轴加工中心电主轴热误差建模与补偿',
      kind: null,
      orgId: 'org-1',
      orgName: '恒川数控机床有限公司 Hengchuan CNC',
      orgNameZh: '恒川数控机床有限公司',
      orgNameEn: 'Hengchuan CNC',
      regionCode: '330106',
      anonymised: false,
    },
    capability: {
      id: 'cap-1',
      title: '精密制造与误差补偿研究团队',
      kind: 'research_team',
      orgId: 'org-2',
      orgName: '浙东理工大学 East Zhejiang University of Technology',
      orgNameZh: '浙东理工大学',
      orgNameEn: 'East Zhejiang University of Technology',
      regionCode: '330108',
      anonymised: false,
    },
    declineReason: null,
    introductionNote: null,
    proposals: [],
    movedAt: new Date().toISOString(),
    version: 1,
    allowedMoves: ['interested', 'declined'],
    ...overrides,
  };
}

export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'note-1',
    kind: 'interest',
    entityType: 'match',
    entityId: 'match-1',
    params: {
      stage: 'interested',
      needTitle: 'Thermal error',
      capabilityTitle: 'Precision team',
      reason: null,
      message: null,
    },
    createdAt: '2026-11-21T08:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}
