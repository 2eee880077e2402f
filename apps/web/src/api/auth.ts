import type { Me, MeUpdate, RegisterBody } from '@coop/shared';
import { api } from './client';
import type { Session } from './types';

export const authApi = {
  login: (email: string, password: string) =>
    api.post<Session>('/auth/login', { email, password }, { noRefresh: true }),
  refresh: () => api.post<Session>('/auth/refresh', undefined, { noRefresh: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { noRefresh: true }),
  register: (body: RegisterBody) => api.post<Session>('/auth/register', body, { noRefresh: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
  updateMe: (body: MeUpdate) => api.patch<Me>('/me', body),
  resetPassword: (token: string, newPassword: string) =>
    api.post<void>('/auth/password-reset', { token, newPassword }, { noRefresh: true }),
};
