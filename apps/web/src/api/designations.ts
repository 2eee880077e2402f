import type { Attachment, DesignationClaim, DesignationDecision, DesignationRecord } from '@coop/shared';
import { api, apiRequest } from './client';
import { downloadFile, uploadFile, type UploadSession } from './files';
import type { OrgRef } from './types';

export type { Attachment, DesignationRecord };

export const designationsApi = {
  ofOrg: (orgId: string) => api.get<DesignationRecord[]>(`/orgs/${encodeURIComponent(orgId)}/designations`),
  claim: (orgId: string, claim: DesignationClaim) =>
    api.post<DesignationRecord>(`/orgs/${encodeURIComponent(orgId)}/designations`, claim),
  queue: () => api.get<DesignationRecord[]>('/designations/queue'),
  decide: (id: string, decision: DesignationDecision) =>
    api.post<DesignationRecord>(`/designations/${encodeURIComponent(id)}/decision`, decision),
  files: (id: string) => api.get<Attachment[]>(`/designations/${encodeURIComponent(id)}/files`),
  addFile: (id: string, file: File, onProgress: (percent: number) => void, session: UploadSession) =>
    uploadFile<Attachment>(`/designations/${encodeURIComponent(id)}/files`, file, onProgress, session),
};

/** Evidence files of claims and verifications: download and (a pending claim's) removal. */
export const evidenceApi = {
  download: (file: Attachment) => downloadFile(`/evidence/${encodeURIComponent(file.id)}`, {}, file.fileName),
  remove: (id: string) => apiRequest<void>('DELETE', `/evidence/${encodeURIComponent(id)}`),
  addToVerification: (
    verificationId: string,
    file: File,
    onProgress: (percent: number) => void,
    session: UploadSession,
  ) =>
    uploadFile<Attachment>(
      `/org-verifications/${encodeURIComponent(verificationId)}/files`,
      file,
      onProgress,
      session,
    ),
};

/** The organisation a designation belongs to, for names and links. */
export const designationOrg = (d: DesignationRecord): OrgRef => ({
  id: d.orgId,
  nameZh: d.orgNameZh,
  nameEn: d.orgNameEn,
});
