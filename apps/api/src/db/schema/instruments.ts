// Shared large instruments: a booking profile per instrument capability, its outages, and its bookings.
// No two approved / in-use bookings of one instrument overlap: an exclusion constraint (btree_gist) added by hand at
// the end of the migration, since drizzle-kit does not model exclusion constraints.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { capabilities } from './listings.js';
import { organizations } from './orgs.js';
import { users } from './users.js';

/** One weekly opening window in the instrument's own time zone; ISO weekday 1 = Monday. */
export interface OpeningWindow {
  weekday: number;
  open: string;
  close: string;
}

export const instrumentProfiles = pgTable(
  'instrument_profiles',
  {
    /** The instrument is the capability: one profile per capability of kind `instrument`. */
    capabilityId: uuid('capability_id')
      .primaryKey()
      .references(() => capabilities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    model: text('model').notNull(),
    maker: text('maker').notNull(),
    location: text('location').notNull(),
    purchaseValueYuan: bigint('purchase_value_yuan', { mode: 'number' }),
    measuresZh: text('measures_zh').notNull(),
    measuresEn: text('measures_en').notNull(),
    feeOwnYuanPerHour: integer('fee_own_yuan_per_hour').notNull(),
    feeMemberYuanPerHour: integer('fee_member_yuan_per_hour').notNull(),
    feeOutsideYuanPerHour: integer('fee_outside_yuan_per_hour').notNull(),
    horizonDays: integer('horizon_days').notNull(),
    minMinutes: integer('min_minutes').notNull(),
    maxMinutes: integer('max_minutes').notNull(),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    approvalRequired: boolean('approval_required').notNull().default(true),
    maxFuturePerOrg: integer('max_future_per_org').notNull(),
    cancelDeadlineHours: integer('cancel_deadline_hours').notNull(),
    openingHours: jsonb('opening_hours').$type<OpeningWindow[]>().notNull(),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('instrument_profiles_org_idx').on(table.orgId),
    check('instrument_profiles_block_check', sql`${table.minMinutes} <= ${table.maxMinutes}`),
  ],
);

export const instrumentOutages = pgTable(
  'instrument_outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrumentProfiles.capabilityId, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('instrument_outages_instrument_idx').on(table.instrumentId, table.startsAt),
    check('instrument_outages_period_check', sql`${table.startsAt} < ${table.endsAt}`),
  ],
);

export const BOOKING_STATUSES_DB = [
  'requested',
  'approved',
  'declined',
  'cancelled',
  'in_use',
  'completed',
  'no_show',
] as const;

export const instrumentBookings = pgTable(
  'instrument_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instrumentProfiles.capabilityId, { onDelete: 'cascade' }),
    /** The owner at booking time, so owner queries need no join. */
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organizations.id),
    requesterOrgId: uuid('requester_org_id')
      .notNull()
      .references(() => organizations.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    purpose: text('purpose').notNull(),
    sample: text('sample').notNull(),
    status: text('status', { enum: BOOKING_STATUSES_DB }).notNull().default('requested'),
    /** own | member | outside: which fee applies, fixed when requested. */
    relation: text('relation', { enum: ['own', 'member', 'outside'] }).notNull(),
    rateYuanPerHour: integer('rate_yuan_per_hour').notNull(),
    /** The fee quoted for the booked block; on completion, the fee for the hours actually used. */
    feeYuan: integer('fee_yuan').notNull(),
    actualStartAt: timestamp('actual_start_at', { withTimezone: true }),
    actualEndAt: timestamp('actual_end_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('instrument_bookings_instrument_idx').on(table.instrumentId, table.startsAt),
    // Calendars and free-slot searches ask for bookings overlapping a range: a range index finds them at both ends.
    index('instrument_bookings_period_idx').using(
      'gist',
      table.instrumentId,
      sql`tstzrange(${table.startsAt}, ${table.endsAt}, '[)')`,
    ),
    index('instrument_bookings_requester_idx').on(table.requesterOrgId, table.startsAt),
    index('instrument_bookings_owner_idx').on(table.ownerOrgId, table.status),
    check('instrument_bookings_period_check', sql`${table.startsAt} < ${table.endsAt}`),
  ],
);
