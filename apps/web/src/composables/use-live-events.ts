// Live changes of agreements, projects and checklist items from GET /events/stream (server-sent events).
// One connection serves every page that listens; it reconnects with back-off and resumes from the last event id,
// so nothing is missed across a dropped connection or an expired access token (the stream ends then; the next
// request goes out with the renewed token). A `reset` message means too much was missed: listeners reload.
import { getCurrentScope, onScopeDispose, ref } from 'vue';
import { getActivePinia } from 'pinia';
import { ApiError, apiResponse, isAbort } from '@/api/client';
import { useSessionStore } from '@/stores/session';

export interface LiveEvent {
  id: number;
  entityType: 'agreement' | 'project' | 'checklist_item';
  entityId: string;
  agreementId: string;
  projectId: string | null;
  action: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  before: unknown;
  after: unknown;
}

export interface LiveListener {
  /** Which events concern the listener; all when absent. */
  filter?: (event: LiveEvent) => boolean;
  /** Called once per burst of events (they are gathered for `batchMs`). */
  onEvents: (events: LiveEvent[]) => void;
  /** The stream missed too much: reload everything shown. */
  onReset?: () => void;
}

export type LiveState = 'off' | 'connecting' | 'live' | 'retrying';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 15_000];
/** Keep the connection this long after the last listener leaves, so moving between pages does not reconnect. */
const LINGER_MS = 3_000;

const listeners = new Set<LiveListener>();
export const liveState = ref<LiveState>('off');
let lastEventId: number | null = null;
let controller: AbortController | null = null;
let lingerTimer: ReturnType<typeof setTimeout> | undefined;
/** Whose session the open connection belongs to: another user starts afresh. */
let connectedAs: string | null = null;

interface Message {
  id?: string;
  event: string;
  data: string;
}

/** Splits an event-stream body into messages as they arrive (comments, i.e. heartbeats, are skipped). */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: Message) => void,
  signal?: AbortSignal,
) {
  const reader = body.getReader();
  signal?.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  let message: Message = { event: 'message', data: '' };
  const line = (text: string) => {
    if (text === '') {
      if (message.data || message.event !== 'message') onMessage(message);
      message = { event: 'message', data: '' };
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') message.data = message.data ? `${message.data}\n${value}` : value;
    else if (field === 'event') message.event = value;
    else if (field === 'id') message.id = value;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? '';
    lines.forEach(line);
  }
}

function dispatch(event: LiveEvent) {
  for (const listener of listeners) (listener as Batched).push(event);
}

function handle(message: Message) {
  if (message.id && /^\d+$/.test(message.id)) lastEventId = Number(message.id);
  if (message.event === 'ready') liveState.value = 'live';
  else if (message.event === 'reset') for (const listener of listeners) listener.onReset?.();
  else if (message.event === 'message' && message.data) dispatch(JSON.parse(message.data) as LiveEvent);
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

async function run(signal: AbortSignal) {
  let failures = 0;
  while (!signal.aborted) {
    liveState.value = failures ? 'retrying' : 'connecting';
    try {
      const response = await apiResponse('GET', '/events/stream', {
        query: { lastEventId: lastEventId ?? undefined },
        accept: 'text/event-stream',
        signal,
      });
      if (!response.body) throw new ApiError(0, 'network_error', 'The stream has no body');
      await readEventStream(response.body, handle, signal);
      // The server ended the stream (the access token ran out, or it restarts): connect again at once.
      failures = 0;
    } catch (error) {
      if (isAbort(error) || signal.aborted) break;
      // Signed out: nothing to follow until someone listens again.
      if (error instanceof ApiError && error.status === 401) break;
      failures++;
      liveState.value = 'retrying';
      await pause(RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]!, signal);
    }
  }
  if (controller?.signal === signal) {
    controller = null;
    liveState.value = 'off';
  }
}

function connect() {
  clearTimeout(lingerTimer);
  if (controller) return;
  controller = new AbortController();
  void run(controller.signal);
}

/** Closes the connection now (e.g. on sign-out, or between tests). */
export function disconnectLiveEvents() {
  clearTimeout(lingerTimer);
  controller?.abort();
  controller = null;
  liveState.value = 'off';
}

/** Forgets where the stream stood (a new session starts from now). */
export function resetLiveEvents() {
  disconnectLiveEvents();
  lastEventId = null;
}

interface Batched extends LiveListener {
  push(event: LiveEvent): void;
}

/**
 * Follows live changes while the calling component (or effect scope) lives.
 * Events that pass `filter` are gathered for `batchMs` and handed over together.
 */
export function useLiveEvents(listener: LiveListener, batchMs = 120) {
  let pending: LiveEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const batched: Batched = {
    ...listener,
    push(event) {
      if (listener.filter && !listener.filter(event)) return;
      pending.push(event);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const events = pending;
        pending = [];
        listener.onEvents(events);
      }, batchMs);
    },
  };
  const userId = getActivePinia() ? (useSessionStore().user?.id ?? null) : null;
  if (connectedAs !== userId) resetLiveEvents();
  connectedAs = userId;
  listeners.add(batched);
  connect();
  const stop = () => {
    clearTimeout(timer);
    listeners.delete(batched);
    if (listeners.size === 0) {
      clearTimeout(lingerTimer);
      lingerTimer = setTimeout(() => listeners.size === 0 && disconnectLiveEvents(), LINGER_MS);
    }
  };
  if (getCurrentScope()) onScopeDispose(stop);
  return { stop, state: liveState };
}
