// GET /events/stream: committed changes pushed to every connected viewer allowed to see them.
// Each message's id is the event's id; a reconnect with Last-Event-ID (or ?lastEventId=) first replays what it missed.
import { StrictObject } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { Type } from 'typebox';
import { UnauthorizedError } from '../../errors.js';
import { errorResponses } from '../../http/responses.js';
import type { EventStream } from '../../plugins/sse.js';
import type { Actor } from '../access/actor.js';
import type { AccessTokenClaims } from '../auth/tokens.js';
import type { LiveFeed } from './live.js';

/** One event as viewers receive it. */
export interface StreamedEvent {
  id: number;
  [field: string]: unknown;
}

/** Where streamed events come from and who may see them. */
export interface StreamSource {
  /** Committed events after `afterId`, oldest first; only those `viewer` may see when one is given. */
  after(afterId: number, limit: number, viewer?: Actor): Promise<StreamedEvent[]>;
  /** For a batch: whether a viewer may see an event. */
  audience(events: StreamedEvent[]): Promise<(viewer: Actor, event: StreamedEvent) => boolean>;
  latestId(): Promise<number>;
}

interface Viewer {
  actor: Actor;
  stream: EventStream;
  lastSent: number;
  /** Live events held back while the viewer's missed events are replayed. */
  held: StreamedEvent[] | null;
}

const BATCH = 500;
/** A viewer who missed more than this reloads instead (told by a `reset` message). */
const REPLAY_LIMIT = 2_000;

function createHub(source: StreamSource, log: FastifyBaseLogger) {
  const viewers = new Set<Viewer>();
  let cursor = 0;
  let draining: Promise<void> | null = null;
  let again = false;

  function deliver(viewer: Viewer, event: StreamedEvent) {
    if (viewer.held) return void viewer.held.push(event);
    if (event.id <= viewer.lastSent) return;
    viewer.stream.send({ id: event.id, data: event });
    viewer.lastSent = event.id;
  }

  async function drainOnce() {
    for (;;) {
      const batch = await source.after(cursor, BATCH);
      if (batch.length === 0) return;
      cursor = batch.at(-1)!.id;
      if (viewers.size > 0) {
        const visible = await source.audience(batch);
        for (const viewer of viewers)
          for (const event of batch) if (visible(viewer.actor, event)) deliver(viewer, event);
      }
      if (batch.length < BATCH) return;
    }
  }

  /** Reads everything committed since the cursor; a wake-up during a run causes one more run. */
  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        await drainOnce().catch((error) =>
          log.error({ err: error }, 'live updates: could not read new events'),
        );
      } while (again);
      draining = null;
    })();
    return draining;
  }

  return {
    drain,
    /** Starts from the newest committed event: earlier ones are history, read through the timeline. */
    async start() {
      cursor = await source.latestId();
    },

    async connect(actor: Actor, stream: EventStream, lastEventId: number | null) {
      const viewer: Viewer = {
        actor,
        stream,
        lastSent: lastEventId ?? cursor,
        held: lastEventId === null ? null : [],
      };
      viewers.add(viewer);
      stream.onClose(() => viewers.delete(viewer));
      if (viewer.held) {
        const missed = await source.after(viewer.lastSent, REPLAY_LIMIT + 1, actor);
        if (missed.length > REPLAY_LIMIT) {
          viewer.lastSent = Math.max(cursor, missed.at(-1)!.id);
          stream.send({ id: viewer.lastSent, event: 'reset', data: { reason: 'too_many_missed' } });
        } else {
          for (const event of missed) stream.send({ id: event.id, data: event });
          viewer.lastSent = missed.at(-1)?.id ?? viewer.lastSent;
        }
        const held = viewer.held;
        viewer.held = null;
        for (const event of held) deliver(viewer, event);
      }
      // Gives the client a resume point even before the first change arrives.
      stream.send({ id: viewer.lastSent, event: 'ready', data: { lastEventId: viewer.lastSent } });
    },
  };
}

const StreamQuery = StrictObject({
  access_token: Type.Optional(
    Type.String({ maxLength: 4000, description: 'for EventSource, which cannot send headers' }),
  ),
  lastEventId: Type.Optional(Type.Integer({ minimum: 0 })),
});
const StreamHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
});

interface Options {
  live: LiveFeed;
  source: StreamSource;
  /** The session check of the auth plugin, for tokens that come in the query string. */
  actorFor(userId: string, sessionId: string): Promise<Actor | null>;
}

export const eventStreamRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { live, source, actorFor },
) => {
  const hub = createHub(source, app.log);
  const unsubscribe = live.onCommit(() => void hub.drain());
  app.addHook('onReady', async () => {
    await hub.start();
    await live.start();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await live.stop();
  });

  /** The viewer and when their token runs out (the stream ends then; the client reconnects with a fresh one). */
  async function viewerOf(actor: Actor | null, claims: unknown, token: string | undefined) {
    if (actor) return { actor, expiresAt: (claims as { exp?: number }).exp };
    if (!token) throw new UnauthorizedError('unauthenticated', 'Log in first');
    let verified: AccessTokenClaims & { exp?: number };
    try {
      verified = app.jwt.verify(token);
    } catch (error) {
      throw (error as { code?: string }).code === 'FAST_JWT_EXPIRED'
        ? new UnauthorizedError('token_expired', 'Your access token has expired')
        : new UnauthorizedError('token_invalid', 'Your access token is not valid');
    }
    const found = await actorFor(verified.sub, verified.sid);
    if (!found) throw new UnauthorizedError('session_ended', 'Your session has ended; log in again');
    return { actor: found, expiresAt: verified.exp };
  }

  app.get(
    '/events/stream',
    {
      // Authenticated here: by the Authorization header, or ?access_token= for EventSource.
      config: { public: true },
      schema: {
        tags: ['events'],
        description:
          'text/event-stream of changes to agreements, projects and checklist items the caller may see. ' +
          'Each message: `id` = event id, `data` = { id, entityType, entityId, agreementId, projectId, action, occurredAt, actorUserId, actorOrgId, before, after }. ' +
          'A `ready` event marks the end of the replay; a `reset` event means too much was missed: reload. Heartbeat comments every 15 s.',
        querystring: StreamQuery,
        headers: StreamHeaders,
        response: {
          200: {
            description: 'The live stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const { actor, expiresAt } = await viewerOf(request.actor, request.user, request.query.access_token);
      const header = request.headers['last-event-id'];
      const lastEventId = header !== undefined ? Number(header) : (request.query.lastEventId ?? null);
      const stream = reply.eventStream();
      if (expiresAt) {
        const timer = setTimeout(() => stream.end(), Math.max(0, expiresAt * 1000 - Date.now()));
        stream.onClose(() => clearTimeout(timer));
      }
      try {
        await hub.connect(actor, stream, lastEventId);
      } catch (error) {
        // The headers are out: end the stream, and the client reconnects from where it was.
        request.log.error({ err: error }, 'live updates: could not replay missed events');
        stream.end();
      }
    },
  );
};
