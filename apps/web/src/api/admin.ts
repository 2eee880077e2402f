// Platform administration: rebuilding the search indexes, accounts and the security audit log.
import type { AccountStatus, AdminUser, AuditAction, AuditEntry, PasswordResetIssued } from '@coop/shared';
import { ACCOUNT_STATUSES, AUDIT_ACTIONS } from '@coop/shared';
import { api } from './client';
import type { PageQuery, Paged } from './types';

export type { AccountStatus, AdminUser, AuditAction, AuditEntry, PasswordResetIssued };
export { ACCOUNT_STATUSES, AUDIT_ACTIONS };

export interface ReindexStatus {
  running: boolean;
  index: string | null;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface AuditFilters {
  action?: AuditAction;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
}

export const adminApi = {
  reindexStatus: () => api.get<ReindexStatus>('/admin/reindex'),
  startReindex: () => api.post<ReindexStatus>('/admin/reindex'),
  users: (query: PageQuery & { q?: string; status?: AccountStatus }) =>
    api.get<Paged<AdminUser>>('/admin/users', { ...query }),
  disable: (id: string, reason: string) => api.post<AdminUser>(`/admin/users/${id}/disable`, { reason }),
  enable: (id: string) => api.post<AdminUser>(`/admin/users/${id}/enable`),
  issueReset: (id: string) => api.post<PasswordResetIssued>(`/admin/users/${id}/password-reset`),
  audit: (query: PageQuery & AuditFilters) => api.get<Paged<AuditEntry>>('/admin/audit', { ...query }),
};
