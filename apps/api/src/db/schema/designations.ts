import { DESIGNATION_STATUSES, DESIGNATIONS } from '@coop/shared';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { users } from './users.js';

/** An organisation's claimed title (资质); it counts only once verified and while valid. */
export const designations = pgTable(
  'designations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DESIGNATIONS }).notNull(),
    certificateNo: text('certificate_no'),
    issuingBody: text('issuing_body'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    status: text('status', { enum: DESIGNATION_STATUSES }).notNull().default('pending'),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    reason: text('reason'),
    // Set once the 30-day expiry warning went out, so the periodic check warns once.
    expiryWarnedAt: timestamp('expiry_warned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('designations_org_idx').on(table.orgId),
    index('designations_status_idx').on(table.status, table.validUntil),
  ],
);
