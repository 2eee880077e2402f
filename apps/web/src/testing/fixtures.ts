import type { Capability, Me, Need, Org, SearchHit, SearchResponse, Session } from '@/api/types';

export function makeOrg(overrides: Partial<Org> = {}): Org {
  return {
    id: 'org-1',
    kind: 'enterprise',
    nameZh: '杭州精工机械有限公司',
    nameEn: 'Hangzhou Precision Machinery Co.',
    regionCode: '330106',
    industry: 'Machinery',
    designations: ['high_tech'],
    verified: true,
    description: 'CNC machine tools.',
    website: 'https://example.com',
    createdAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

export function makeUser(overrides: Partial<Me> = {}): Me {
  return {
    id: 'user-1',
    email: 'enterprise@demo.cn',
    displayName: 'Li Wei',
    locale: 'en',
    orgRole: 'admin',
    platformRole: null,
    timeZone: 'Asia/Shanghai',
    organization: makeOrg(),
    ...overrides,
  };
}

export function makeSession(user: Me = makeUser(), accessToken = 'token-1'): Session {
  return { accessToken, expiresIn: 900, user };
}

export function paged<T>(items: T[], page = 1, pageSize = 20, total = items.length) {
  return { items, total, page, pageSize };
}

/** The refresh answer that restores `user`'s session when the app starts, and a quiet bell in the shell it shows. */
export function restoresSessionOf(user: Me) {
  return { 'POST /auth/refresh': { body: makeSession(user) }, ...quietShell() };
}

const listingOrg = {
  id: 'org-1',
  nameZh: '杭州精工机械有限公司',
  nameEn: 'Hangzhou Precision Machinery Co.',
  kind: 'enterprise',
  verified: true,
  designations: ['high_tech'],
};

export function makeNeed(overrides: Partial<Need> = {}): Need {
  return {
    type: 'need',
    id: 'need-1',
    title: 'Thermal error compensation for a five-axis machining centre',
    description:
      'The spindle grows 20 µm along Z in long runs; we need a model and a real-time compensation module.',
    fields: ['machinery.cnc'],
    keywords: ['thermal error', 'spindle'],
    cooperationTypes: ['joint_rnd'],
    regionCode: '330106',
    reviewNote: null,
    version: 1,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    publishedAt: '2025-03-01T08:00:00.000Z',
    canEdit: true,
    status: 'open',
    visibility: 'public',
    org: listingOrg,
    budgetMin: 500_000,
    budgetMax: 1_000_000,
    deadline: '2030-06-30',
    publicSummary: null,
    anonymised: false,
    ...overrides,
  };
}

export function makeCapability(overrides: Partial<Capability> = {}): Capability {
  return {
    type: 'capability',
    id: 'capability-1',
    title: 'Precision manufacturing and error compensation team',
    description: 'Thermal and geometric error modelling for machine tools, with laser interferometers.',
    fields: ['machinery.cnc', 'machinery.precision_machining'],
    keywords: ['error compensation'],
    cooperationTypes: ['joint_rnd', 'technical_service'],
    regionCode: '330106',
    reviewNote: null,
    version: 1,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    publishedAt: '2025-03-01T08:00:00.000Z',
    canEdit: true,
    kind: 'research_team',
    status: 'open',
    visibility: 'public',
    org: {
      ...listingOrg,
      id: 'college-1',
      kind: 'college',
      nameEn: 'East Zhejiang University of Technology',
    },
    teamLead: 'Prof. Wang',
    availability: null,
    bookingTerms: null,
    trl: null,
    patentNumbers: [],
    ...overrides,
  };
}

export function makeHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 'capability-1',
    type: 'capability',
    title: 'Precision manufacturing and error compensation team',
    snippet: 'Thermal error models for <mark>CNC</mark> machine tools',
    highlights: { title: 'Precision manufacturing and error compensation team' },
    kind: 'research_team',
    fields: ['machinery', 'machinery.cnc'],
    cooperationTypes: ['joint_rnd'],
    regionCode: '330106',
    orgName: '浙东理工大学 East Zhejiang University of Technology',
    orgNameZh: '浙东理工大学',
    orgNameEn: 'East Zhejiang University of Technology',
    orgId: 'college-1',
    designations: [],
    status: 'open',
    visibility: 'public',
    publishedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function makeSearchResponse(overrides: Partial<SearchResponse> = {}): SearchResponse {
  return { hits: [], facets: {}, total: 0, page: 1, pageSize: 20, tookMs: 3, ...overrides };
}

/** No session to restore: the app starts as a guest. */
export const NO_SESSION = {
  'POST /auth/refresh': { status: 401, body: { error: { code: 'unauthorized', message: 'no session' } } },
};

/** Quiet answers for what the home pages count (own listings, review queue, market); nothing needs attention. */
/** A home with nothing to do and no figures. */
export function emptyToday() {
  return { 'GET /home': { body: { today: '2026-12-02', figures: [], todos: [] } } };
}

export function emptyHomeCounts() {
  return {
    ...emptyToday(),
    'GET /needs': { body: paged([]) },
    'GET /capabilities': { body: paged([]) },
    'GET /review-queue': { body: paged([]) },
    'GET /search': { body: makeSearchResponse() },
    ...emptyReports(),
  };
}

/** An overseer's report figures with nothing counted yet, and no targets. */
export function emptyReports() {
  return {
    'GET /reports/summary': { body: { from: '2026-01-01', to: '2026-12-31', regionCode: null, figures: {} } },
    'GET /targets': { body: { scope: { kind: 'region', key: '330000' }, items: [] } },
    'GET /reports/overdue': { body: paged([]) },
  };
}

/** What the signed-in shell asks for by itself (the notification bell), answered with nothing new. */
export function quietShell() {
  return { 'GET /notifications': { body: { ...paged([]), unread: 0 } } };
}
