import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { matches } from './matching.js';
import { users } from './users.js';

/**
 * Annual targets: for a year and a scope (an officer's region, an association's members, or the whole platform),
 * a value for an indicator. Changes are events (entity 'target').
 */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeKind: text('scope_kind', { enum: ['region', 'association', 'all'] }).notNull(),
    /** The region code, the association's id, or '*' for the whole platform. */
    scopeKey: text('scope_key').notNull(),
    year: integer('year').notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('targets_scope_year_indicator_idx').on(
      table.scopeKind,
      table.scopeKey,
      table.year,
      table.indicator,
    ),
  ],
);

/**
 * The data version of the tables figures are counted from: the sum of `n` over a table's slots, or over all rows
 * for all of them. A trigger on each such table adds 1 to one of its slots (chosen by transaction id, so concurrent
 * writers seldom wait on the same row) in the writing transaction, so the sum changes exactly when such a write
 * commits. Cached figures are kept per version of the tables they read (rows of table '' predate migration 0020).
 */
export const reportDataVersion = pgTable(
  'report_data_version',
  {
    tableName: text('table_name').notNull().default(''),
    slot: integer('slot').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.slot] })],
);

/**
 * Each match's first move at or past `interested`, as the event log has it: kept by triggers on events and matches
 * (migration 0016), in the transaction that records the move, so the figures that start from first interest read
 * one narrow row per match rather than aggregating the log. Never written by the application.
 */
export const matchFirstInterest = pgTable(
  'match_first_interest',
  {
    matchId: uuid('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    needId: uuid('need_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('match_first_interest_need_idx').on(table.needId, table.at)],
);
