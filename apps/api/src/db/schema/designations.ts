import { DESIGNATION_STATUSES, DESIGNATIONS } from '@coop/shared';
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, orgVerifications } from './orgs.js';
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

/**
 * Evidence behind a decision, kept behind the storage port: a designation claim's certificate scans (uploaded by the
 * organisation) or what a verifier checked when verifying an organisation. Exactly one of the two owners is set.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    designationId: uuid('designation_id').references(() => designations.id, { onDelete: 'cascade' }),
    verificationId: uuid('verification_id').references(() => orgVerifications.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('evidence_files_designation_idx').on(table.designationId),
    index('evidence_files_verification_idx').on(table.verificationId),
    check(
      'evidence_files_one_owner',
      sql`(${table.designationId} is null) <> (${table.verificationId} is null)`,
    ),
  ],
);
