import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only log of state changes; timelines, notifications, live updates and reports read it. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [
    index('events_entity_idx').on(table.entityType, table.entityId),
    // Reports read moves of one kind (first interest, introductions, completions).
    index('events_type_action_idx').on(table.entityType, table.action, table.entityId),
    // Each match's first move at or past 'interested', read in match order from the index alone.
    index('events_match_progress_idx')
      .on(table.entityId, table.occurredAt)
      .where(
        sql`${table.entityType} = 'match' and ${table.action} in ('interested', 'introduced', 'negotiating', 'agreed')`,
      ),
  ],
);
