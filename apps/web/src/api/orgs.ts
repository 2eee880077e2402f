import type { OrgListQuery, OrgUpdate, OrgVerification, VerificationBody } from '@coop/shared';
import { api } from './client';
import type { Invitation, Org, OrgDetail, OrgRole, OrgUser, PageQuery, Paged } from './types';

const orgPath = (id: string, rest = '') => `/orgs/${encodeURIComponent(id)}${rest}`;

export const orgsApi = {
  list: (query: OrgListQuery) => api.get<Paged<Org>>('/orgs', { ...query }),
  get: (id: string) => api.get<OrgDetail>(orgPath(id)),
  update: (id: string, changes: OrgUpdate) => api.patch<Org>(orgPath(id), changes),
  setVerified: (id: string, body: VerificationBody) =>
    api.post<OrgVerification>(orgPath(id, '/verification'), body),
  verifications: (id: string) => api.get<OrgVerification[]>(orgPath(id, '/verifications')),
  members: (id: string, query: PageQuery) => api.get<Paged<Org>>(orgPath(id, '/members'), { ...query }),
  users: (id: string, query: PageQuery) => api.get<Paged<OrgUser>>(orgPath(id, '/users'), { ...query }),
  invite: (id: string, email: string, orgRole: OrgRole) =>
    api.post<Invitation>(orgPath(id, '/invitations'), { email, orgRole }),
};
