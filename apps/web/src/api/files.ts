// Files to and from the API: downloads under the name the API gives, uploads with progress.
import { ApiError, apiResponse } from './client';

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

/** The current access token, and a way to renew it once when an upload is refused. */
export interface UploadSession {
  token: () => string | null;
  renew: () => Promise<unknown>;
}

/** Uploads one file in the form field `file` to `path` (under /api), answering the API's JSON. */
export async function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
  session: UploadSession,
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const url = `/api${path}`;
  let answer = await sendWithProgress(url, form, session.token(), onProgress);
  if (answer.status === 401) {
    await session.renew();
    answer = await sendWithProgress(url, form, session.token(), onProgress);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  const error = (
    answer.body as { error?: { code?: string; message?: string; details?: unknown } } | undefined
  )?.error;
  throw new ApiError(
    answer.status,
    error?.code ?? `http_${answer.status}`,
    error?.message ?? '',
    error?.details,
  );
}
