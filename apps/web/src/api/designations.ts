import type { DesignationClaim, DesignationDecision, DesignationRecord } from '@coop/shared';
import { api } from './client';
import type { OrgRef } from './types';

export type { DesignationRecord };

export const designationsApi = {
  ofOrg: (orgId: string) => api.get<DesignationRecord[]>(`/orgs/${encodeURIComponent(orgId)}/designations`),
  claim: (orgId: string, claim: DesignationClaim) =>
    api.post<DesignationRecord>(`/orgs/${encodeURIComponent(orgId)}/designations`, claim),
  queue: () => api.get<DesignationRecord[]>('/designations/queue'),
  decide: (id: string, decision: DesignationDecision) =>
    api.post<DesignationRecord>(`/designations/${encodeURIComponent(id)}/decision`, decision),
};

/** The organisation a designation belongs to, for names and links. */
export const designationOrg = (d: DesignationRecord): OrgRef => ({
  id: d.orgId,
  nameZh: d.orgNameZh,
  nameEn: d.orgNameEn,
});
