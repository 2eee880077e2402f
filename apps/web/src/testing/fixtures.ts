import type { Me, Org, Session } from '@/api/types';

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

/** The refresh answer that restores `user`'s session when the app starts. */
export function restoresSessionOf(user: Me) {
  return { 'POST /auth/refresh': { body: makeSession(user) } };
}
