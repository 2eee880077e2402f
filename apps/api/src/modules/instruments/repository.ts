// Storage of instrument profiles, outages and bookings.
import { and, count, desc, eq, gt, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  associationMembers,
  capabilities,
  instrumentBookings,
  instrumentOutages,
  instrumentProfiles,
  organizations,
  users,
} from '../../db/schema/index.js';

export type ProfileRow = typeof instrumentProfiles.$inferSelect;
export type BookingRow = typeof instrumentBookings.$inferSelect;
export type OutageRow = typeof instrumentOutages.$inferSelect;

/** Statuses that hold the instrument: the exclusion constraint covers exactly these. */
export const HOLDING_STATUSES = ['approved', 'in_use'] as const;
/** Statuses that still lie ahead and count towards an organisation's future bookings. */
export const PENDING_STATUSES = ['requested', 'approved'] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
type TimeColumn = PgColumn;
/**
 * [start, end) meets the row's [startCol, endCol): touching ends do not count. Written as ranges so the GiST indexes
 * on (instrument_id, tstzrange) answer it (two comparisons bound only one end of a btree scan).
 */
const overlaps = (start: Date, end: Date, startCol: TimeColumn, endCol: TimeColumn) =>
  sql`tstzrange(${startCol}, ${endCol}, '[)') && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;

const instrumentColumns = {
  capability: capabilities,
  org: {
    id: organizations.id,
    nameZh: organizations.nameZh,
    nameEn: organizations.nameEn,
    regionCode: organizations.regionCode,
  },
  profile: instrumentProfiles,
};
export type InstrumentRecord = {
  capability: typeof capabilities.$inferSelect;
  org: { id: string; nameZh: string; nameEn: string; regionCode: string };
  profile: ProfileRow | null;
};

/** Whom a list may show: published instruments of others (public ones to everybody), and one's own. */
export interface Visibility {
  orgId: string | null;
  loggedIn: boolean;
}

function visible({ orgId, loggedIn }: Visibility): SQL {
  const published = and(
    eq(capabilities.status, 'open'),
    loggedIn ? undefined : eq(capabilities.visibility, 'public'),
  )!;
  return orgId ? or(published, eq(capabilities.orgId, orgId))! : published;
}

function searched(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ilike(instrumentProfiles.measuresZh, pattern),
    ilike(instrumentProfiles.measuresEn, pattern),
    ilike(capabilities.title, pattern),
    ilike(instrumentProfiles.model, pattern),
    ilike(instrumentProfiles.maker, pattern),
  );
}

const requesterOrgs = alias(organizations, 'requester_org');
const ownerOrgs = alias(organizations, 'owner_org');
const bookingColumns = {
  booking: instrumentBookings,
  instrumentTitle: capabilities.title,
  location: instrumentProfiles.location,
  owner: { id: ownerOrgs.id, nameZh: ownerOrgs.nameZh, nameEn: ownerOrgs.nameEn },
  ownerRegionCode: ownerOrgs.regionCode,
  requester: { id: requesterOrgs.id, nameZh: requesterOrgs.nameZh, nameEn: requesterOrgs.nameEn },
  requesterName: users.displayName,
};

export function createInstrumentRepository() {
  const bookingQuery = (db: Executor) =>
    db
      .select(bookingColumns)
      .from(instrumentBookings)
      .innerJoin(capabilities, eq(capabilities.id, instrumentBookings.instrumentId))
      .innerJoin(instrumentProfiles, eq(instrumentProfiles.capabilityId, instrumentBookings.instrumentId))
      .innerJoin(ownerOrgs, eq(ownerOrgs.id, instrumentBookings.ownerOrgId))
      .innerJoin(requesterOrgs, eq(requesterOrgs.id, instrumentBookings.requesterOrgId))
      .innerJoin(users, eq(users.id, instrumentBookings.requesterUserId));

  return {
    async get(db: Executor, id: string): Promise<InstrumentRecord | null> {
      const [row] = await db
        .select(instrumentColumns)
        .from(capabilities)
        .innerJoin(organizations, eq(organizations.id, capabilities.orgId))
        .leftJoin(instrumentProfiles, eq(instrumentProfiles.capabilityId, capabilities.id))
        .where(eq(capabilities.id, id));
      return row ?? null;
    },

    /** Takes the instrument's row lock: bookings and outages of one instrument change one at a time. */
    async lock(tx: Executor, id: string): Promise<ProfileRow | null> {
      const [row] = await tx
        .select()
        .from(instrumentProfiles)
        .where(eq(instrumentProfiles.capabilityId, id))
        .for('update');
      return row ?? null;
    },

    async list(
      db: Executor,
      scope: Visibility,
      filter: { q?: string; orgId?: string },
      page: number,
      pageSize: number,
    ) {
      const where = and(
        visible(scope),
        searched(filter.q),
        filter.orgId ? eq(capabilities.orgId, filter.orgId) : undefined,
      );
      const base = () =>
        db
          .select(instrumentColumns)
          .from(instrumentProfiles)
          .innerJoin(capabilities, eq(capabilities.id, instrumentProfiles.capabilityId))
          .innerJoin(organizations, eq(organizations.id, capabilities.orgId));
      const [rows, [total]] = await Promise.all([
        base()
          .where(where)
          .orderBy(capabilities.title, capabilities.id)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ value: count() })
          .from(instrumentProfiles)
          .innerJoin(capabilities, eq(capabilities.id, instrumentProfiles.capabilityId))
          .where(where),
      ]);
      return { rows: rows as InstrumentRecord[], total: total?.value ?? 0 };
    },

    /** Instruments with neither a holding booking nor an outage in [from, to), as the list shows them. */
    async withoutBusy(db: Executor, scope: Visibility, q: string | undefined, from: Date, to: Date) {
      const busy = db
        .select({ id: instrumentBookings.instrumentId })
        .from(instrumentBookings)
        .where(
          and(
            inArray(instrumentBookings.status, [...HOLDING_STATUSES]),
            overlaps(from, to, instrumentBookings.startsAt, instrumentBookings.endsAt),
          ),
        );
      const closed = db
        .select({ id: instrumentOutages.instrumentId })
        .from(instrumentOutages)
        .where(overlaps(from, to, instrumentOutages.startsAt, instrumentOutages.endsAt));
      const rows = await db
        .select(instrumentColumns)
        .from(instrumentProfiles)
        .innerJoin(capabilities, eq(capabilities.id, instrumentProfiles.capabilityId))
        .innerJoin(organizations, eq(organizations.id, capabilities.orgId))
        .where(
          and(
            visible(scope),
            searched(q),
            sql`${instrumentProfiles.capabilityId} not in ${busy}`,
            sql`${instrumentProfiles.capabilityId} not in ${closed}`,
          ),
        )
        .orderBy(capabilities.title, capabilities.id)
        .limit(1000);
      return rows as InstrumentRecord[];
    },

    async insertProfile(db: Executor, values: typeof instrumentProfiles.$inferInsert) {
      const [row] = await db.insert(instrumentProfiles).values(values).returning();
      return row!;
    },

    async updateProfile(db: Executor, id: string, version: number, values: Partial<ProfileRow>) {
      const [row] = await db
        .update(instrumentProfiles)
        .set({ ...values, version: version + 1, updatedAt: new Date() })
        .where(and(eq(instrumentProfiles.capabilityId, id), eq(instrumentProfiles.version, version)))
        .returning();
      return row ?? null;
    },

    outagesBetween(db: Executor, id: string, from: Date, to: Date) {
      return db
        .select()
        .from(instrumentOutages)
        .where(
          and(
            eq(instrumentOutages.instrumentId, id),
            overlaps(from, to, instrumentOutages.startsAt, instrumentOutages.endsAt),
          ),
        )
        .orderBy(instrumentOutages.startsAt);
    },

    async insertOutage(db: Executor, values: typeof instrumentOutages.$inferInsert) {
      const [row] = await db.insert(instrumentOutages).values(values).returning();
      return row!;
    },

    async deleteOutage(db: Executor, instrumentId: string, outageId: string) {
      const rows = await db
        .delete(instrumentOutages)
        .where(and(eq(instrumentOutages.id, outageId), eq(instrumentOutages.instrumentId, instrumentId)))
        .returning();
      return rows[0] ?? null;
    },

    /** Holding bookings that come within `bufferMinutes` of [start, end), other than `except`. */
    holdingNear(db: Executor, id: string, start: Date, end: Date, bufferMinutes: number, except?: string) {
      const gap = bufferMinutes * 60_000;
      return db
        .select()
        .from(instrumentBookings)
        .where(
          and(
            eq(instrumentBookings.instrumentId, id),
            inArray(instrumentBookings.status, [...HOLDING_STATUSES]),
            overlaps(
              new Date(start.getTime() - gap),
              new Date(end.getTime() + gap),
              instrumentBookings.startsAt,
              instrumentBookings.endsAt,
            ),
            except ? ne(instrumentBookings.id, except) : undefined,
          ),
        )
        .orderBy(instrumentBookings.startsAt);
    },

    async futureCount(db: Executor, id: string, orgId: string, now: Date): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(instrumentBookings)
        .where(
          and(
            eq(instrumentBookings.instrumentId, id),
            eq(instrumentBookings.requesterOrgId, orgId),
            inArray(instrumentBookings.status, [...PENDING_STATUSES]),
            gt(instrumentBookings.endsAt, now),
          ),
        );
      return row?.value ?? 0;
    },

    /** Do the two organisations meet in an association (both members, or one is the other's association)? */
    async shareAssociation(db: Executor, a: string, b: string): Promise<boolean> {
      const theirs = (org: string) =>
        db
          .select({ id: associationMembers.associationId })
          .from(associationMembers)
          .where(eq(associationMembers.memberId, org));
      const [row] = await db
        .select({ value: count() })
        .from(associationMembers)
        .where(
          or(
            and(eq(associationMembers.memberId, a), inArray(associationMembers.associationId, theirs(b))),
            and(eq(associationMembers.associationId, a), eq(associationMembers.memberId, b)),
            and(eq(associationMembers.associationId, b), eq(associationMembers.memberId, a)),
          ),
        );
      return (row?.value ?? 0) > 0;
    },

    async insertBooking(db: Executor, values: typeof instrumentBookings.$inferInsert) {
      const [row] = await db.insert(instrumentBookings).values(values).returning();
      return row!;
    },

    async lockBooking(tx: Executor, id: string): Promise<BookingRow | null> {
      const [row] = await tx
        .select()
        .from(instrumentBookings)
        .where(eq(instrumentBookings.id, id))
        .for('update');
      return row ?? null;
    },

    async updateBooking(db: Executor, id: string, version: number, values: Partial<BookingRow>) {
      const [row] = await db
        .update(instrumentBookings)
        .set({ ...values, version: version + 1, updatedAt: new Date() })
        .where(and(eq(instrumentBookings.id, id), eq(instrumentBookings.version, version)))
        .returning();
      return row ?? null;
    },

    async booking(db: Executor, id: string) {
      const [row] = await bookingQuery(db).where(eq(instrumentBookings.id, id));
      return row ?? null;
    },

    async bookings(
      db: Executor,
      filter: { requesterOrgId?: string; ownerOrgId?: string; instrumentId?: string; statuses?: string[] },
      page: number,
      pageSize: number,
    ) {
      const where = and(
        filter.requesterOrgId ? eq(instrumentBookings.requesterOrgId, filter.requesterOrgId) : undefined,
        filter.ownerOrgId ? eq(instrumentBookings.ownerOrgId, filter.ownerOrgId) : undefined,
        filter.instrumentId ? eq(instrumentBookings.instrumentId, filter.instrumentId) : undefined,
        filter.statuses?.length
          ? inArray(instrumentBookings.status, filter.statuses as BookingRow['status'][])
          : undefined,
      );
      const [rows, [total]] = await Promise.all([
        bookingQuery(db)
          .where(where)
          .orderBy(desc(instrumentBookings.startsAt), instrumentBookings.id)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(instrumentBookings).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    /** The bookings a calendar shows between two instants: holding and finished ones, and requests. */
    calendarBookings(db: Executor, id: string, from: Date, to: Date) {
      return db
        .select({
          id: instrumentBookings.id,
          status: instrumentBookings.status,
          startsAt: instrumentBookings.startsAt,
          endsAt: instrumentBookings.endsAt,
          purpose: instrumentBookings.purpose,
          requesterOrgId: instrumentBookings.requesterOrgId,
          requesterOrgNameZh: organizations.nameZh,
          requesterOrgNameEn: organizations.nameEn,
        })
        .from(instrumentBookings)
        .innerJoin(organizations, eq(organizations.id, instrumentBookings.requesterOrgId))
        .where(
          and(
            eq(instrumentBookings.instrumentId, id),
            inArray(instrumentBookings.status, ['requested', 'approved', 'in_use', 'completed']),
            overlaps(from, to, instrumentBookings.startsAt, instrumentBookings.endsAt),
          ),
        )
        .orderBy(instrumentBookings.startsAt);
    },

    /** Approved bookings starting before `until` whose requester has not been reminded. */
    unremindedBefore(db: Executor, now: Date, until: Date) {
      return db
        .select({ booking: instrumentBookings, title: capabilities.title })
        .from(instrumentBookings)
        .innerJoin(capabilities, eq(capabilities.id, instrumentBookings.instrumentId))
        .where(
          and(
            eq(instrumentBookings.status, 'approved'),
            sql`${instrumentBookings.remindedAt} is null`,
            gt(instrumentBookings.startsAt, now),
            lt(instrumentBookings.startsAt, until),
          ),
        );
    },

    /** Claims the reminder once, even when several processes check at once. */
    async claimReminder(tx: Executor, id: string): Promise<boolean> {
      const rows = await tx
        .update(instrumentBookings)
        .set({ remindedAt: new Date() })
        .where(and(eq(instrumentBookings.id, id), sql`${instrumentBookings.remindedAt} is null`))
        .returning({ id: instrumentBookings.id });
      return rows.length > 0;
    },
  };
}

export type InstrumentRepository = ReturnType<typeof createInstrumentRepository>;
export type BookingRecord = NonNullable<Awaited<ReturnType<InstrumentRepository['booking']>>>;
