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
import { ApiError, api, apiRequest, apiResponse } from './client';
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

/** A file the API sends as a download, with the name it gives in Content-Disposition. */
export async function downloadFile(
  path: string,
  query: Record<string, string | undefined>,
  fallbackName: string,
) {
  const response = await apiResponse('GET', path, { query, accept: '*/*' });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  return { blob: await response.blob(), name };
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress (0–100). */
function sendWithProgress(
  url: string,
  form: FormData,
  token: string | null,
  onProgress: (percent: number) => void,
) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    request.send(form);
  });
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
  async upload(
    id: string,
    file: File,
    onProgress: (percent: number) => void,
    session: { token: () => string | null; renew: () => Promise<unknown> },
  ): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    const url = `/api${path(id, '/attachments')}`;
    let answer = await sendWithProgress(url, form, session.token(), onProgress);
    if (answer.status === 401) {
      await session.renew();
      answer = await sendWithProgress(url, form, session.token(), onProgress);
    }
    if (answer.status >= 200 && answer.status < 300) return answer.body as Attachment;
    const error = (
      answer.body as { error?: { code?: string; message?: string; details?: unknown } } | undefined
    )?.error;
    throw new ApiError(
      answer.status,
      error?.code ?? `http_${answer.status}`,
      error?.message ?? '',
      error?.details,
    );
  },
  download: (attachment: Attachment) =>
    downloadFile(`/attachments/${encodeURIComponent(attachment.id)}`, {}, attachment.fileName),
  removeAttachment: (id: string) => apiRequest<void>('DELETE', `/attachments/${encodeURIComponent(id)}`),
};

/** True for a 409 whose answer carries the current state: someone else changed it first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}
