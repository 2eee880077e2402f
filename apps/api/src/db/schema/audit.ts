import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Security audit log: logins, failures, account and verification changes, exports, administrator actions.
 * Append-only, beside the domain event log (which records business state, not who signed in).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Kept as it was at the time (an email, an organisation's name), so the log reads without joins. */
    targetLabel: text('target_label'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').notNull().default({}),
  },
  (table) => [
    index('audit_log_occurred_idx').on(table.occurredAt),
    index('audit_log_action_idx').on(table.action, table.occurredAt),
    index('audit_log_actor_idx').on(table.actorUserId, table.occurredAt),
  ],
);
