import {
  MEETING_OUTCOMES,
  MEETING_REQUEST_STATUSES,
  MEETING_STATUSES,
  PARTICIPANT_STATUSES,
  ATTENDANCE_STATUSES,
} from '@coop/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements } from './agreements.js';
import { matches } from './matching.js';
import { organizations } from './orgs.js';
import { users } from './users.js';

/** A docking meeting (对接会): one day, slots of equal length, tables as capacity. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    /** The day, in Asia/Shanghai. */
    date: date('date').notNull(),
    venue: text('venue').notNull(),
    programme: text('programme'),
    slotMinutes: integer('slot_minutes').notNull(),
    /** Start times within the day, 'HH:MM', ascending; slot n is `slotStarts[n]`. */
    slotStarts: text('slot_starts').array().notNull(),
    tableCount: integer('table_count').notNull(),
    registrationDeadline: date('registration_deadline').notNull(),
    /** Requests one participant may send. */
    requestLimit: integer('request_limit').notNull().default(10),
    /** Months after the day when both sides of each held meeting are asked how it went on. */
    followUpMonths: integer('follow_up_months').notNull().default(3),
    organiserOrgId: uuid('organiser_org_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('draft'),
    /** When the schedule was first published; later changes notify the people they touch. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    followUpAskedAt: timestamp('follow_up_asked_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('meetings_organiser_idx').on(table.organiserOrgId, table.date),
    check('meetings_table_count_check', sql`${table.tableCount} >= 1`),
    check('meetings_slot_minutes_check', sql`${table.slotMinutes} between 5 and 240`),
  ],
);

/** An invited organisation, its answer, delegates, the listings it brings and when it can meet. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: PARTICIPANT_STATUSES }).notNull().default('invited'),
    /** [{ name, title }] */
    delegates: jsonb('delegates')
      .notNull()
      .default(sql`'[]'::jsonb`),
    needIds: uuid('need_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    capabilityIds: uuid('capability_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Slot indexes it can attend; null: every slot. */
    availableSlots: integer('available_slots').array(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('meeting_participants_org_unique').on(table.meetingId, table.orgId),
    index('meeting_participants_org_idx').on(table.orgId),
  ],
);

/** A request for a 1:1 meeting from one participant to another. */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fromParticipantId: uuid('from_participant_id')
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: 'cascade' }),
    toParticipantId: uuid('to_participant_id')
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    /** 0 normal, 1 high, 2 top: the scheduler places higher first. */
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: MEETING_REQUEST_STATUSES }).notNull().default('requested'),
    /** The match between the two sides' listings it came from, if any; outcomes move it on. */
    matchId: uuid('match_id').references(() => matches.id, { onDelete: 'set null' }),
    /** Added on the day into a free slot. */
    walkIn: boolean('walk_in').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    unique('meeting_requests_pair_unique').on(
      table.meetingId,
      table.fromParticipantId,
      table.toParticipantId,
    ),
    index('meeting_requests_meeting_idx').on(table.meetingId, table.status),
    check('meeting_requests_two_sides_check', sql`${table.fromParticipantId} <> ${table.toParticipantId}`),
  ],
);

/** Where an accepted request meets: one slot, one table. The database keeps one meeting per table per slot. */
export const meetingAssignments = pgTable(
  'meeting_assignments',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    slot: integer('slot').notNull(),
    tableNo: integer('table_no').notNull(),
    /** Put here by hand: the scheduler keeps it. */
    fixed: boolean('fixed').notNull().default(false),
    attendance: text('attendance', { enum: ATTENDANCE_STATUSES }).notNull().default('scheduled'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('meeting_assignments_cell_unique').on(table.meetingId, table.slot, table.tableNo),
    check('meeting_assignments_slot_check', sql`${table.slot} >= 0 and ${table.tableNo} >= 1`),
  ],
);

/** Each side's word on how a meeting went: on the day, and again at the follow-up. */
export const meetingOutcomes = pgTable(
  'meeting_outcomes',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    phase: text('phase', { enum: ['meeting', 'follow_up'] }).notNull(),
    outcome: text('outcome', { enum: MEETING_OUTCOMES }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.orgId, table.phase] })],
);

/** Agreements signed at a meeting's signing ceremony. */
export const meetingAgreements = pgTable(
  'meeting_agreements',
  {
    agreementId: uuid('agreement_id')
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
  },
  (table) => [index('meeting_agreements_meeting_idx').on(table.meetingId)],
);
