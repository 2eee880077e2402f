import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Search index changes, written in the same transaction as the data they follow.
 * A row names what changed, not the document: the indexer reads the current state, so replays are harmless.
 * Applied rows are kept a while (processed_at) so a rebuild can replay what happened while it ran.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'need' | 'capability' | 'organization' (an organisation change re-projects its listings). */
    entityType: text('entity_type', { enum: ['need', 'capability', 'organization'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [
    index('search_outbox_pending_idx').on(table.processedAt, table.nextAttemptAt),
    // The indexer's claim, oldest first, reads only rows not yet applied, however many applied rows are kept.
    index('search_outbox_unapplied_idx')
      .on(table.id)
      .where(sql`${table.processedAt} is null`),
  ],
);
