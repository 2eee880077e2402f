import { api } from './client';
import type { Invitation, Org, OrgDetail, OrgRole, OrgUser, PageQuery, Paged } from './types';
import type { Designation, OrgKind } from './vocabulary';

export interface OrgListQuery extends PageQuery {
  kind?: OrgKind | '';
  q?: string;
}

export interface OrgChanges {
  nameZh?: string;
  nameEn?: string;
  regionCode?: string;
  industry?: string | null;
  designations?: Designation[];
  description?: string | null;
  website?: string | null;
}

export const orgsApi = {
  list: (query: OrgListQuery) => api.get<Paged<Org>>('/orgs', { ...query }),
  get: (id: string) => api.get<OrgDetail>(`/orgs/${encodeURIComponent(id)}`),
  update: (id: string, changes: OrgChanges) => api.patch<Org>(`/orgs/${encodeURIComponent(id)}`, changes),
  setVerified: (id: string, verified: boolean) =>
    api.post<Org>(`/orgs/${encodeURIComponent(id)}/verification`, { verified }),
  members: (id: string, query: PageQuery) =>
    api.get<Paged<Org>>(`/orgs/${encodeURIComponent(id)}/members`, { ...query }),
  users: (id: string, query: PageQuery) =>
    api.get<Paged<OrgUser>>(`/orgs/${encodeURIComponent(id)}/users`, { ...query }),
  invite: (id: string, email: string, orgRole: OrgRole) =>
    api.post<Invitation>(`/orgs/${encodeURIComponent(id)}/invitations`, { email, orgRole }),
};
