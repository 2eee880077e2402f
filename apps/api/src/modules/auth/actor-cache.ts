// Who is behind a session, kept between requests when the database is embedded: the lookup is a query of its own
// on every authenticated request. A change that could alter an actor or end a session (an account's roles,
// organisation, time zone or disabling; its organisation's kind, region or verification; a session revoked or
// shortened; any deletion) announces itself on coop_actors from a trigger (migration 0018), and PGlite hands this
// process that notice as the commit returns, so the cache is empty before the writer's request answers.
// With a server the lookup stays per request: other processes' commits would reach this one only later, through a
// LISTEN connection, and a disabled account's session would work meanwhile.
import type { DatabaseHandle } from '../../db/client.js';
import type { Actor } from '../access/actor.js';

const CHANNEL = 'coop_actors';
/** Sessions kept at most; past it the oldest go (each is a few hundred bytes). */
const CAPACITY = 10_000;

type Lookup = (userId: string, sessionId: string) => Promise<{ actor: Actor; expiresAt: Date } | null>;

export interface ActorCache {
  actorFor(userId: string, sessionId: string): Promise<Actor | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createActorCache({ listen }: Pick<DatabaseHandle, 'listen'>, lookup: Lookup): ActorCache {
  const kept = new Map<string, { actor: Actor; expiresAt: Date }>();
  // Moves on at every notice: a lookup that was under way when one came may have read the old rows.
  let generation = 0;
  let unlisten: (() => Promise<void>) | null = null;

  return {
    async actorFor(userId, sessionId) {
      if (!unlisten) return (await lookup(userId, sessionId))?.actor ?? null;
      const entry = kept.get(sessionId);
      if (entry && entry.actor.userId === userId && entry.expiresAt.getTime() > Date.now()) {
        return entry.actor;
      }
      const started = generation;
      const found = await lookup(userId, sessionId);
      if (found && started === generation) {
        kept.delete(sessionId);
        kept.set(sessionId, found);
        if (kept.size > CAPACITY) kept.delete(kept.keys().next().value!);
      }
      return found?.actor ?? null;
    },

    async start() {
      if (!listen || unlisten) return;
      unlisten = await listen(CHANNEL, () => {
        generation++;
        kept.clear();
      });
    },

    async stop() {
      const stopping = unlisten;
      unlisten = null;
      kept.clear();
      await stopping?.();
    },
  };
}
