import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { users } from './users.js';

/** Columns needs and capabilities share. */
const listingColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  description: text('description').notNull(),
  fields: text('fields')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  keywords: text('keywords')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  cooperationTypes: text('cooperation_types')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  regionCode: text('region_code').notNull(),
  reviewNote: text('review_note'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const needs = pgTable(
  'needs',
  {
    ...listingColumns(),
    status: text('status', { enum: ['draft', 'pending_review', 'open', 'in_cooperation', 'closed'] })
      .notNull()
      .default('draft'),
    visibility: text('visibility', { enum: ['public', 'members', 'confidential'] })
      .notNull()
      .default('public'),
    budgetMin: bigint('budget_min', { mode: 'number' }),
    budgetMax: bigint('budget_max', { mode: 'number' }),
    deadline: date('deadline'),
    publicSummary: text('public_summary'),
  },
  (table) => [
    index('needs_org_idx').on(table.orgId),
    index('needs_status_idx').on(table.status),
    index('needs_org_title_idx').on(table.orgId, table.title),
    // Lists page newest first: read in index order, stopping after the page.
    index('needs_updated_idx').on(table.updatedAt, table.id),
  ],
);

export const capabilities = pgTable(
  'capabilities',
  {
    ...listingColumns(),
    kind: text('kind', {
      enum: ['research_team', 'lab_platform', 'instrument', 'achievement', 'training'],
    }).notNull(),
    status: text('status', { enum: ['draft', 'pending_review', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    visibility: text('visibility', { enum: ['public', 'members'] })
      .notNull()
      .default('public'),
    teamLead: text('team_lead'),
    availability: text('availability'),
    bookingTerms: text('booking_terms'),
    trl: integer('trl'),
    patentNumbers: text('patent_numbers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [
    index('capabilities_org_idx').on(table.orgId),
    index('capabilities_status_idx').on(table.status),
    index('capabilities_org_title_idx').on(table.orgId, table.title),
    // Lists page newest first: read in index order, stopping after the page.
    index('capabilities_updated_idx').on(table.updatedAt, table.id),
  ],
);
