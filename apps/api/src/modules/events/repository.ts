import type { Executor } from '../../db/client.js';
import { events } from '../../db/schema/index.js';

export interface EventInput {
  actorUserId: string | null;
  actorOrgId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Append-only: callers pass their transaction so nothing changes without its event. Answers the event's id. */
export async function recordEvent(db: Executor, input: EventInput): Promise<number> {
  const [row] = await db
    .insert(events)
    .values({ ...input, before: input.before ?? null, after: input.after ?? null })
    .returning({ id: events.id });
  return row!.id;
}
