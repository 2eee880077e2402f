// A fetch stand-in for component tests: it answers only the routes a test sets up,
// and any other request fails the test (see setup.ts).
import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface MockReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Makes fetch reject, as when the network is down. */
export const NETWORK_DOWN = Symbol('network down');

type Answer = MockReply | typeof NETWORK_DOWN;
/** One answer for every call, a list answered in order (one call each), or a function of the request. */
export type RouteHandler = Answer | Answer[] | ((request: MockRequest) => Answer);

let unexpected: string[] = [];

export function takeUnexpectedCalls(): string[] {
  const calls = unexpected;
  unexpected = [];
  return calls;
}

function toResponse(reply: MockReply): Response {
  const status = reply.status ?? 200;
  const hasBody = reply.body !== undefined && status !== 204;
  return new Response(hasBody ? JSON.stringify(reply.body) : null, {
    status,
    headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers },
  });
}

/** Routes are keyed "METHOD /path" with the path after /api, e.g. "POST /auth/login". */
export function mockApi(routes: Record<string, RouteHandler>) {
  const calls: MockRequest[] = [];
  const queues = new Map<string, Answer[]>();
  for (const [key, handler] of Object.entries(routes))
    if (Array.isArray(handler)) queues.set(key, [...handler]);

  function answerFor(key: string, request: MockRequest): Answer | undefined {
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
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const key = `${method} ${path}`;
    const answer = answerFor(key, request);
    if (answer === undefined) {
      unexpected.push(`${key}${url.search}`);
      throw new TypeError(`mock-api: no answer set up for ${key}`);
    }
    if (answer === NETWORK_DOWN) throw new TypeError('Failed to fetch');
    return toResponse(answer);
  });

  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
  };
}
