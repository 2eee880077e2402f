import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { capabilities, needs } from './listings.js';
import { users } from './users.js';

export const MATCH_STAGES = [
  'suggested',
  'interested',
  'introduced',
  'negotiating',
  'agreed',
  'declined',
] as const;

/** A ranked pair (need, capability); its moves are events (entity 'match') with who, when and message. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    capabilityId: uuid('capability_id')
      .notNull()
      .references(() => capabilities.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    /** Structured reasons ({ kind, … }); the web renders them in the reader's language. */
    reasons: jsonb('reasons')
      .notNull()
      .default(sql`'[]'::jsonb`),
    stage: text('stage', { enum: MATCH_STAGES }).notNull().default('suggested'),
    /**
     * Whose latest ranking holds this pair: the need's, the capability's, or both. A pair still only `suggested`
     * that neither side's ranking holds any more (one of them was edited, closed, or outranked) is withdrawn.
     */
    rankedByNeed: boolean('ranked_by_need').notNull().default(false),
    rankedByCapability: boolean('ranked_by_capability').notNull().default(false),
    declineReason: text('decline_reason'),
    declinedByOrg: uuid('declined_by_org').references(() => organizations.id),
    introducedBy: uuid('introduced_by').references(() => users.id),
    introductionNote: text('introduction_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last stage change: stalled matches are those that have not moved for a while. */
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('matches_pair_idx').on(table.needId, table.capabilityId),
    index('matches_capability_idx').on(table.capabilityId),
    index('matches_stage_idx').on(table.stage, table.movedAt),
  ],
);

/** A short structured proposal sent with an expression of interest. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    approach: text('approach').notNull(),
    team: text('team'),
    timeline: text('timeline'),
    budget: bigint('budget', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('proposals_match_idx').on(table.matchId)],
);

/** In-app notifications, one row per recipient user. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. new_match, interest, introduction, declined, agreement_expiring */
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** Values the web puts into the message of this kind, in the reader's language. */
    params: jsonb('params')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);

/**
 * What each listing's stored suggestions were computed from, so a restart or a rebuild recomputes only
 * listings that changed since (or all of them, once the matcher changes). Listings of both sides, hence no
 * foreign key; a deleted listing's row is harmless and is replaced should the id come back.
 */
export const suggestionSources = pgTable(
  'suggestion_sources',
  {
    side: text('side', { enum: ['need', 'capability'] }).notNull(),
    listingId: uuid('listing_id').notNull(),
    /** Hash of every field of the listing (and its organisation) the ranker or the candidate filters read. */
    fingerprint: text('fingerprint').notNull(),
    matcherVersion: integer('matcher_version').notNull(),
    /** Listings on the other side when computed: rarity weights drift as that side grows or shrinks. */
    corpusSize: integer('corpus_size').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.side, table.listingId] })],
);
