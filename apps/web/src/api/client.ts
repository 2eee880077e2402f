// A small typed fetch client for the API under /api.
// Sends the session's bearer token; on a 401 it asks the session to refresh once and retries,
// otherwise it ends the session. Failures surface as ApiError.

const API_BASE = '/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** As the API sent it: e.g. `[{ field, problem, rule }]` for validation_failed, `{ retryAfterSeconds }` for rate_limited. */
    readonly details: unknown = undefined,
    /** From the details or the Retry-After header, when the API says how long to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never got an answer (offline, DNS, server down). */
export const NETWORK_ERROR = 'network_error';

export interface SessionHooks {
  accessToken(): string | null;
  /** Gets a new access token from the refresh cookie; true when it worked. */
  refresh(): Promise<boolean>;
  /** Called when the session cannot be renewed. */
  expire(): void;
}

let session: SessionHooks | null = null;

export function connectSession(hooks: SessionHooks | null): void {
  session = hooks;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** JSON-encoded, except FormData, which goes as multipart. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** For the auth endpoints themselves: a 401 is an answer, not a reason to refresh. */
  noRefresh?: boolean;
  /** Cancels the request; the call then rejects with the AbortError, never an ApiError. */
  signal?: AbortSignal;
  /** The Accept header, when the answer is not JSON (e.g. application/x-ndjson). */
  accept?: string;
}

/** True for the rejection of a request its caller cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(method: string, url: string, options: RequestOptions): Promise<Response> {
  const { body, signal, accept = 'application/json' } = options;
  const headers: Record<string, string> = { Accept: accept };
  const token = session?.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'include',
      signal,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch (cause) {
    if (isAbort(cause) || signal?.aborted) throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : 'Network error');
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const waitFromDetails = Number(
    (error?.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds,
  );
  const waitFromHeader = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = [waitFromDetails, waitFromHeader].find((seconds) => seconds > 0);
  return new ApiError(response.status, code, message, error?.details, retryAfterSeconds);
}

/** The successful response itself, for answers that are not JSON (streams, files); failures as ApiError. */
export async function apiResponse(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const url = buildUrl(path, options.query);
  let response = await send(method, url, options);
  if (response.status === 401 && !options.noRefresh && session) {
    if (await session.refresh()) response = await send(method, url, options);
    if (response.status === 401) session.expire();
  }
  if (!response.ok) throw toApiError(response, await readBody(response));
  return response;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await readBody(await apiResponse(method, path, options))) as T;
}

export type Query = Record<string, QueryValue>;

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
};
