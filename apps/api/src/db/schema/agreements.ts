import { AGREEMENT_STATUSES, AGREEMENT_TYPES, CHECKLIST_STATUSES, PROJECT_STATUSES } from '@coop/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events.js';
import { matches } from './matching.js';
import { organizations } from './orgs.js';
import { users } from './users.js';

const timestamps = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: AGREEMENT_TYPES }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('draft'),
    /** The match it came from, if any (that match moved to `agreed`). */
    matchId: uuid('match_id').references(() => matches.id, { onDelete: 'set null' }),
    /** The association whose coordinator brokered it. */
    brokerOrgId: uuid('broker_org_id').references(() => organizations.id),
    signedOn: date('signed_on'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** Contract value in yuan. */
    valueYuan: bigint('value_yuan', { mode: 'number' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** When the parties were warned that the end date is near; cleared when the end date moves. */
    expiryWarnedAt: timestamp('expiry_warned_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    index('agreements_status_end_idx').on(table.status, table.endDate),
    index('agreements_broker_idx').on(table.brokerOrgId),
    index('agreements_match_idx').on(table.matchId),
    // The agreement list pages newest first.
    index('agreements_updated_idx').on(table.updatedAt, table.id),
  ],
);

/** Two or more parties, in the order the contract names them, each with its signatory. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    position: integer('position').notNull(),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.orgId] }),
    index('agreement_parties_org_idx').on(table.orgId),
  ],
);

/** Metadata of files kept behind the storage port. */
export const agreementAttachments = pgTable(
  'agreement_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('agreement_attachments_agreement_idx').on(table.agreementId)],
);

/**
 * Which agreement (and project) an event belongs to: timelines and the live stream read it.
 * Kept apart from the events themselves so a deleted checklist item's events still find their agreement.
 */
export const agreementEvents = pgTable(
  'agreement_events',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .primaryKey()
      .references(() => events.id),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id'),
  },
  (table) => [index('agreement_events_agreement_idx').on(table.agreementId, table.eventId)],
);

/** A cooperation project on an agreement's project list. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organizations.id),
    leadName: text('lead_name'),
    startDate: date('start_date'),
    dueDate: date('due_date'),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('planned'),
    position: integer('position').notNull(),
    deliverables: text('deliverables')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (table) => [index('projects_agreement_idx').on(table.agreementId, table.position)],
);

/** Progress notes: appended, never edited. */
export const projectNotes = pgTable(
  'project_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrgId: uuid('author_org_id')
      .notNull()
      .references(() => organizations.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('project_notes_project_idx').on(table.projectId, table.createdAt)],
);

/** Checklist items and milestones of a project. */
export const checklistItems = pgTable(
  'checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date'),
    /** One party; null means the parties share it ("joint"). */
    responsibleOrgId: uuid('responsible_org_id').references(() => organizations.id),
    status: text('status', { enum: CHECKLIST_STATUSES }).notNull().default('pending'),
    /** Text or a link showing the item is done. */
    evidence: text('evidence'),
    position: integer('position').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    index('checklist_items_project_idx').on(table.projectId, table.position),
    index('checklist_items_responsible_idx').on(table.responsibleOrgId),
  ],
);

/**
 * A party's confirmation that an agreement of three or more parties is to be completed or terminated: the move
 * happens once every party has confirmed it (or the brokering coordinator makes it); never on one party's word.
 */
export const agreementConfirmations = pgTable(
  'agreement_confirmations',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['complete', 'terminate'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.action, table.orgId] })],
);
