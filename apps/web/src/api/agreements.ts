// Agreements: list, propose, edit, status moves, timeline and attachments.
import type {
  Agreement,
  AgreementAction,
  AgreementDetail,
  AgreementStatus,
  AgreementTransition,
  AgreementType,
  AgreementUpdate,
  Attachment,
  NewAgreement,
  TimelineEvent,
} from '@coop/shared';
import { AGREEMENT_ACTIONS, AGREEMENT_STATUSES, AGREEMENT_TYPES } from '@coop/shared';
import { ApiError, api, apiRequest } from './client';
import { downloadFile, uploadFile, type UploadSession } from './files';
import type { PageQuery, Paged } from './types';

export type {
  Agreement,
  AgreementAction,
  AgreementDetail,
  AgreementStatus,
  AgreementTransition,
  AgreementType,
  Attachment,
  NewAgreement,
  TimelineEvent,
};
export { AGREEMENT_ACTIONS, AGREEMENT_STATUSES, AGREEMENT_TYPES };
export type AgreementParty = Agreement['parties'][number];

export interface AgreementFilters {
  org?: 'mine';
  /** Comma-separated. */
  status?: string;
  type?: string;
  q?: string;
}

const path = (id: string, rest = '') => `/agreements/${encodeURIComponent(id)}${rest}`;

export const agreementsApi = {
  list: (query: AgreementFilters & PageQuery) => api.get<Paged<Agreement>>('/agreements', { ...query }),
  get: (id: string) => api.get<AgreementDetail>(path(id)),
  create: (body: NewAgreement) => api.post<AgreementDetail>('/agreements', body),
  update: (id: string, body: AgreementUpdate) => api.patch<AgreementDetail>(path(id), body),
  transition: (id: string, body: AgreementTransition) =>
    api.post<AgreementDetail>(path(id, '/transitions'), body),
  timeline: (id: string, query: PageQuery & { projectId?: string }) =>
    api.get<Paged<TimelineEvent>>(path(id, '/timeline'), { ...query }),

  /** Uploads one file; `token` is the current access token, `renew` refreshes it once when refused. */
  upload: (id: string, file: File, onProgress: (percent: number) => void, session: UploadSession) =>
    uploadFile<Attachment>(path(id, '/attachments'), file, onProgress, session),
  download: (attachment: Attachment) =>
    downloadFile(`/attachments/${encodeURIComponent(attachment.id)}`, {}, attachment.fileName),
  removeAttachment: (id: string) => apiRequest<void>('DELETE', `/attachments/${encodeURIComponent(id)}`),
};

/** True for a 409 whose answer carries the current state: someone else changed it first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}
