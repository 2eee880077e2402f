import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['enterprise', 'college', 'institute', 'association', 'government'],
    }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    regionCode: text('region_code').notNull(),
    industry: text('industry'),
    verified: boolean('verified').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    description: text('description'),
    website: text('website'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('organizations_kind_idx').on(table.kind)],
);

/** An association's member organisations; a coordinator's scope is their association's members. */
export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.associationId, table.memberId] }),
    index('association_members_member_idx').on(table.memberId),
  ],
);

/** Each time an organisation was marked verified or not: who did it and what they checked (files: evidence_files). */
export const orgVerifications = pgTable(
  'org_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    verified: boolean('verified').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('org_verifications_org_idx').on(table.orgId, table.createdAt)],
);
