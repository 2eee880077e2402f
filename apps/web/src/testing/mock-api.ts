// A fetch stand-in for component tests: it answers only the routes a test sets up,
// and any other request fails the test (see setup.ts).
import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** JSON bodies parsed; anything else (FormData) as sent. */
  body: unknown;
  signal: AbortSignal | null;
}

export interface MockReply {
  status?: number;
  body?: unknown;
  /** A raw body instead of JSON: text, or a stream the test writes to (e.g. NDJSON progress lines). */
  raw?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
}

/** Makes fetch reject, as when the network is down. */
export const NETWORK_DOWN = Symbol('network down');

type Answer = MockReply | typeof NETWORK_DOWN;
/**
 * One answer for every call, a list answered in order (one call each), or a function of the request, which may
 * answer later (a promise); a request aborted before its answer rejects with an AbortError, like fetch.
 */
export type RouteHandler = Answer | Answer[] | ((request: MockRequest) => Answer | Promise<Answer>);

let unexpected: string[] = [];

export function takeUnexpectedCalls(): string[] {
  const calls = unexpected;
  unexpected = [];
  return calls;
}

function toResponse(reply: MockReply): Response {
  const status = reply.status ?? 200;
  if (reply.raw !== undefined) return new Response(reply.raw, { status, headers: reply.headers });
  const hasBody = reply.body !== undefined && status !== 204;
  return new Response(hasBody ? JSON.stringify(reply.body) : null, {
    status,
    headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers },
  });
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

function untilAborted<T>(answer: T | Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (!signal) return Promise.resolve(answer);
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
    Promise.resolve(answer).then(resolve, reject);
  });
}

/** Routes are keyed "METHOD /path" with the path after /api, e.g. "POST /auth/login". */
/** The readable cookie the API sets beside the refresh cookie (see stores/session.ts). */
const SESSION_HINT = 'coop_signed_in';

export function mockApi(routes: Record<string, RouteHandler>) {
  const calls: MockRequest[] = [];
  // A test that answers the refresh route stands for a browser that holds the session's cookies.
  document.cookie =
    'POST /auth/refresh' in routes
      ? `${SESSION_HINT}=1; path=/`
      : `${SESSION_HINT}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  const queues = new Map<string, Answer[]>();
  for (const [key, handler] of Object.entries(routes))
    if (Array.isArray(handler)) queues.set(key, [...handler]);

  function answerFor(key: string, request: MockRequest): Answer | Promise<Answer> | undefined {
    const handler = routes[key];
    if (Array.isArray(handler)) return queues.get(key)?.shift();
    return typeof handler === 'function' ? handler(request) : handler;
  }

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api/, '');
    const request: MockRequest = {
      method,
      path,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? undefined),
      signal: init.signal ?? null,
    };
    calls.push(request);
    const key = `${method} ${path}`;
    const pending = answerFor(key, request);
    if (pending === undefined) {
      unexpected.push(`${key}${url.search}`);
      throw new TypeError(`mock-api: no answer set up for ${key}`);
    }
    const answer = await untilAborted(pending, init.signal);
    if (answer === NETWORK_DOWN) throw new TypeError('Failed to fetch');
    return toResponse(answer);
  });

  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
  };
}
