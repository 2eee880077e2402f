import { api } from './client';
import type { Locale, Me, Session } from './types';
import type { OrgKind } from './vocabulary';

export interface RegisterPayload {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  organization?: { kind: OrgKind; nameZh: string; nameEn: string; regionCode: string };
  invitationToken?: string;
}

export const authApi = {
  login: (email: string, password: string) =>
    api.post<Session>('/auth/login', { email, password }, { noRefresh: true }),
  refresh: () => api.post<Session>('/auth/refresh', undefined, { noRefresh: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { noRefresh: true }),
  register: (payload: RegisterPayload) => api.post<Session>('/auth/register', payload, { noRefresh: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
  me: () => api.get<Me>('/me'),
};
