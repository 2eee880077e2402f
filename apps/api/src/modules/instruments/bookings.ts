// Bookings of instruments: quotes, requests and their moves. Every rule is checked here, on the server; the ones
// that protect the calendar run in one transaction holding the instrument's row lock, and the exclusion constraint
// instrument_bookings_no_overlap refuses any overlap that slipped past anyway (SQLSTATE 23P01 → 409).
import type {
  Booking,
  BookingAction,
  BookingListQuery,
  BookingRelation,
  BookingStatus,
  BookingTransition,
  NewBooking,
  Quote,
  RuleProblem,
} from '@coop/shared';
import { BOOKING_ACTIONS } from '@coop/shared';
import type { Database, Executor } from '../../db/client.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import {
  allowsBooking,
  bookingView,
  managesInstrument,
  requireActor,
  type AccessPolicy,
  type BookingFacts,
  type BookingPermission,
} from '../access/policy.js';
import { recordEvent } from '../events/repository.js';
import type { Page } from '../listings/service.js';
import type { NotificationMessage } from '../notifications/sender.js';
import type { NotificationService } from '../notifications/service.js';
import { bookingSnapshot, toBooking } from './dto.js';
import type { BookingRecord, BookingRow, InstrumentRepository, ProfileRow } from './repository.js';
import { describeProblems, slotProblems } from './rules.js';
import { problem, type InstrumentService } from './service.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  repository: InstrumentRepository;
  instruments: InstrumentService;
  notifications: NotificationService;
  now?: () => Date;
}

interface Move {
  from: BookingStatus[];
  to: BookingStatus;
  permission: BookingPermission;
}

const MOVES: Record<BookingAction, Move> = {
  approve: { from: ['requested'], to: 'approved', permission: 'booking.decide' },
  decline: { from: ['requested'], to: 'declined', permission: 'booking.decide' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', permission: 'booking.cancel' },
  start: { from: ['approved'], to: 'in_use', permission: 'booking.decide' },
  complete: { from: ['in_use'], to: 'completed', permission: 'booking.decide' },
  no_show: { from: ['approved'], to: 'no_show', permission: 'booking.decide' },
};

const HOUR_MS = 3_600_000;
const feeFor = (rate: number, ms: number) => Math.round((rate * ms) / HOUR_MS);
const rateFor = (p: ProfileRow, relation: BookingRelation) =>
  relation === 'own'
    ? p.feeOwnYuanPerHour
    : relation === 'member'
      ? p.feeMemberYuanPerHour
      : p.feeOutsideYuanPerHour;

const factsOf = (b: BookingRow): BookingFacts => ({
  ownerOrgId: b.ownerOrgId,
  requesterOrgId: b.requesterOrgId,
});
const clashOf = (b: BookingRow) => ({
  id: b.id,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
});
/** SQLSTATE of a driver error, whether drizzle wrapped it or not. */
const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
};
const EXCLUSION_VIOLATION = '23P01';

/** The requester's own cancellation must come this long before the start; the owner may always cancel. */
const pastCancelDeadline = (b: BookingRow, p: ProfileRow, now: Date) =>
  now.getTime() > b.startsAt.getTime() - p.cancelDeadlineHours * HOUR_MS;

export function createBookingService({
  db,
  access,
  repository,
  instruments,
  notifications,
  now = () => new Date(),
}: Deps) {
  async function relationOf(
    executor: Executor,
    requesterOrgId: string,
    ownerOrgId: string,
  ): Promise<BookingRelation> {
    if (requesterOrgId === ownerOrgId) return 'own';
    return (await repository.shareAssociation(executor, requesterOrgId, ownerOrgId)) ? 'member' : 'outside';
  }

  /**
   * What the calendar says of the slot: outages, holding bookings within the buffer, the organisation's quota.
   * Run inside the locked transaction before a booking starts holding the instrument.
   */
  async function calendarProblems(
    executor: Executor,
    profile: ProfileRow,
    slot: { start: Date; end: Date; orgId: string; except?: string; counting: boolean },
  ): Promise<(RuleProblem & { clash?: ReturnType<typeof clashOf> })[]> {
    const id = profile.capabilityId;
    const problems: (RuleProblem & { clash?: ReturnType<typeof clashOf> })[] = [];
    for (const outage of await repository.outagesBetween(executor, id, slot.start, slot.end)) {
      problems.push(
        problem(
          'body.startsAt',
          'outage',
          `falls in an outage (${outage.reason}, ${outage.startsAt.toISOString()} – ${outage.endsAt.toISOString()})`,
        ),
      );
    }
    for (const other of await repository.holdingNear(
      executor,
      id,
      slot.start,
      slot.end,
      profile.bufferMinutes,
      slot.except,
    )) {
      const overlapping = other.startsAt < slot.end && other.endsAt > slot.start;
      problems.push(
        overlapping
          ? problem(
              'body.startsAt',
              'overlap',
              `overlaps booking ${other.id} (${clashOf(other).startsAt} – ${clashOf(other).endsAt})`,
              { clash: clashOf(other) },
            )
          : problem(
              'body.startsAt',
              'buffer',
              `leaves less than the buffer of ${profile.bufferMinutes} minutes to booking ${other.id}`,
              { limit: profile.bufferMinutes, clash: clashOf(other) },
            ),
      );
    }
    if (slot.counting) {
      const future = await repository.futureCount(executor, id, slot.orgId, now());
      if (future >= profile.maxFuturePerOrg) {
        problems.push(
          problem(
            'body.startsAt',
            'max_future_bookings',
            `your organisation already has ${future} future bookings of this instrument (at most ${profile.maxFuturePerOrg})`,
            { limit: profile.maxFuturePerOrg },
          ),
        );
      }
    }
    return problems;
  }

  const refuse = (problems: RuleProblem[]) =>
    new ConflictError(
      problems.some((p) => p.rule === 'overlap' || p.rule === 'buffer') ? 'booking_clash' : 'booking_rule',
      describeProblems(problems),
      problems,
    );

  /** The booking that a refused write would have overlapped, for the 409. */
  async function exclusionConflict(b: { instrumentId: string; startsAt: Date; endsAt: Date; id?: string }) {
    const [clash] = await repository.holdingNear(db, b.instrumentId, b.startsAt, b.endsAt, 0, b.id);
    return new ConflictError(
      'booking_clash',
      clash
        ? `Booking rule overlap: the slot overlaps booking ${clash.id} (${clash.startsAt.toISOString()} – ${clash.endsAt.toISOString()})`
        : 'Booking rule overlap: the slot overlaps another booking',
      [
        problem(
          'body.startsAt',
          'overlap',
          'overlaps another booking',
          clash ? { clash: clashOf(clash) } : {},
        ),
      ],
    );
  }

  async function load(id: string): Promise<BookingRecord> {
    const record = await repository.booking(db, id);
    if (!record) throw new NotFoundError('Booking');
    return record;
  }

  async function allowedActions(actor: Actor | null, b: BookingRow): Promise<BookingAction[]> {
    const actions = BOOKING_ACTIONS.filter(
      (action) =>
        MOVES[action].from.includes(b.status) && allowsBooking(actor, MOVES[action].permission, factsOf(b)),
    );
    if (!actions.includes('cancel')) return actions;
    if (managesInstrument(actor, b.ownerOrgId)) {
      // The owner answers a request by declining it; cancelling is for what it approved.
      return b.status === 'requested' && actor?.orgId !== b.requesterOrgId
        ? actions.filter((a) => a !== 'cancel')
        : actions;
    }
    const profile = (await repository.get(db, b.instrumentId))!.profile!;
    return pastCancelDeadline(b, profile, now()) ? actions.filter((a) => a !== 'cancel') : actions;
  }

  async function dto(actor: Actor | null, record: BookingRecord): Promise<Booking> {
    const view = bookingView(actor, { ...factsOf(record.booking), ownerRegionCode: record.ownerRegionCode });
    if (view === 'redacted') return toBooking(record, [], true);
    return toBooking(record, await allowedActions(actor, record.booking));
  }

  async function page(
    actor: Actor,
    filter: Parameters<InstrumentRepository['bookings']>[1],
    query: BookingListQuery,
  ): Promise<Page<Booking>> {
    const pageNo = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const statuses = query.status?.split(',').filter(Boolean);
    const { rows, total } = await repository.bookings(
      db,
      { instrumentId: query.instrumentId, ...filter, statuses },
      pageNo,
      pageSize,
    );
    return { items: await Promise.all(rows.map((row) => dto(actor, row))), total, page: pageNo, pageSize };
  }

  /** Sends after commit what the transaction wrote. */
  async function deliver(messages: NotificationMessage[]) {
    if (messages.length > 0) await notifications.deliver(messages);
  }

  return {
    async quote(actor: Actor | null, id: string, slot: { startsAt: string; endsAt: string }): Promise<Quote> {
      const caller = requireActor(actor);
      const { profile } = await instruments.bookable(caller, id);
      const start = new Date(slot.startsAt);
      const end = new Date(slot.endsAt);
      const relation = await relationOf(db, caller.orgId, profile.orgId);
      const rate = rateFor(profile, relation);
      const problems = slotProblems(
        { rules: profile, openingHours: profile.openingHours, timezone: profile.timezone },
        start,
        end,
        now(),
      );
      if (problems.length === 0) {
        problems.push(
          ...(await calendarProblems(db, profile, { start, end, orgId: caller.orgId, counting: true })),
        );
      }
      const ms = Math.max(0, end.getTime() - start.getTime());
      return {
        relation,
        rateYuanPerHour: rate,
        hours: ms / HOUR_MS,
        feeYuan: feeFor(rate, ms),
        approvalRequired: profile.approvalRequired,
        problems: problems.map(({ field, rule, problem: text, limit }) => ({
          field,
          rule,
          problem: text,
          ...(limit === undefined ? {} : { limit }),
        })),
      };
    },

    async request(actor: Actor | null, id: string, input: NewBooking): Promise<Booking> {
      const caller = requireActor(actor);
      const { profile, capability } = await instruments.bookable(caller, id);
      const start = new Date(input.startsAt);
      const end = new Date(input.endsAt);
      const shape = slotProblems(
        { rules: profile, openingHours: profile.openingHours, timezone: profile.timezone },
        start,
        end,
        now(),
      );
      if (shape.length > 0) throw new BadRequestError('booking_rule', describeProblems(shape), shape);
      const relation = await relationOf(db, caller.orgId, profile.orgId);
      const rate = rateFor(profile, relation);
      const status: BookingStatus = profile.approvalRequired ? 'requested' : 'approved';
      let messages: NotificationMessage[] = [];
      let bookingId: string;
      try {
        bookingId = await db.transaction(async (tx) => {
          const locked = (await repository.lock(tx, id))!;
          const problems = await calendarProblems(tx, locked, {
            start,
            end,
            orgId: caller.orgId,
            counting: true,
          });
          if (problems.length > 0) throw refuse(problems);
          const row = await repository.insertBooking(tx, {
            instrumentId: id,
            ownerOrgId: locked.orgId,
            requesterOrgId: caller.orgId,
            requesterUserId: caller.userId,
            startsAt: start,
            endsAt: end,
            purpose: input.purpose.trim(),
            sample: input.sample.trim(),
            status,
            relation,
            rateYuanPerHour: rate,
            feeYuan: feeFor(rate, end.getTime() - start.getTime()),
          });
          await recordEvent(tx, {
            actorUserId: caller.userId,
            actorOrgId: caller.orgId,
            entityType: 'instrument_booking',
            entityId: row.id,
            action: 'requested',
            after: bookingSnapshot(row),
          });
          messages = await notifications.notify(tx, {
            orgIds: [locked.orgId],
            kind: status === 'requested' ? 'booking_requested' : 'booking_booked',
            entityType: 'instrument_booking',
            entityId: row.id,
            params: {
              instrumentId: id,
              title: capability.title,
              startsAt: row.startsAt.toISOString(),
              feeYuan: row.feeYuan,
            },
            except: caller.userId,
          });
          return row.id;
        });
      } catch (error) {
        if (sqlState(error) === EXCLUSION_VIOLATION)
          throw await exclusionConflict({ instrumentId: id, startsAt: start, endsAt: end });
        throw error;
      }
      await deliver(messages);
      return dto(caller, await load(bookingId));
    },

    async get(actor: Actor | null, id: string): Promise<Booking> {
      const record = await load(id);
      const caller = requireActor(actor);
      const facts = { ...factsOf(record.booking), ownerRegionCode: record.ownerRegionCode };
      if (!bookingView(caller, facts)) throw new NotFoundError('Booking');
      return dto(caller, record);
    },

    mine(actor: Actor | null, query: BookingListQuery) {
      const caller = requireActor(actor);
      return page(caller, { requesterOrgId: caller.orgId }, query);
    },

    /** Bookings of the caller's organisation's instruments: by default those waiting for a decision. */
    requests(actor: Actor | null, query: BookingListQuery) {
      const caller = requireActor(actor);
      return page(caller, { ownerOrgId: caller.orgId }, { ...query, status: query.status ?? 'requested' });
    },

    async ofInstrument(actor: Actor | null, id: string, query: BookingListQuery) {
      const caller = requireActor(actor);
      const record = await instruments.bookable(caller, id);
      // Others see only their own organisation's bookings of it; the region's officers all, redacted.
      const view = access.instrumentBookingsView(caller, {
        id: record.capability.orgId,
        regionCode: record.org.regionCode,
      });
      const filter = view === 'own' ? { requesterOrgId: caller.orgId } : {};
      return page(caller, { ...filter, instrumentId: id }, query);
    },

    async transition(actor: Actor | null, id: string, body: BookingTransition): Promise<Booking> {
      const current = await load(id);
      const move = MOVES[body.action];
      const caller = access.requireBooking(actor, move.permission, factsOf(current.booking));
      const b = current.booking;
      if (!move.from.includes(b.status)) {
        throw new ConflictError('invalid_transition', `Cannot ${body.action} a booking that is ${b.status}`, {
          status: b.status,
        });
      }
      if (body.version !== b.version) {
        throw new ConflictError('version_conflict', 'Someone changed this booking since you opened it', {
          current: await dto(caller, current),
        });
      }
      const reason = body.reason?.trim() || null;
      if (body.action === 'decline' && !reason) {
        throw new BadRequestError('validation_failed', 'body.reason is required when declining a booking', [
          problem('body.reason', 'required', 'is required when declining'),
        ]);
      }
      const at = body.at ? new Date(body.at) : now();
      const profile = (await repository.get(db, b.instrumentId))!.profile!;
      if (
        body.action === 'cancel' &&
        !managesInstrument(caller, b.ownerOrgId) &&
        pastCancelDeadline(b, profile, now())
      ) {
        throw new ConflictError(
          'booking_rule',
          `Booking rule cancellation_deadline: body.action cancel must come at least ${profile.cancelDeadlineHours} hours before the start`,
          [
            problem(
              'body.action',
              'cancellation_deadline',
              `must come at least ${profile.cancelDeadlineHours} hours before the start`,
              { limit: profile.cancelDeadlineHours },
            ),
          ],
        );
      }
      if (body.action === 'no_show' && now() < b.startsAt) {
        throw new ConflictError(
          'booking_rule',
          'Booking rule no_show: body.action no_show only after the booked start',
          [problem('body.action', 'no_show', 'is possible only after the booked start')],
        );
      }
      if (body.action === 'complete' && b.actualStartAt && at <= b.actualStartAt) {
        throw new BadRequestError('validation_failed', 'body.at must be later than the actual start', [
          problem('body.at', 'end_after_start', 'must be later than the actual start'),
        ]);
      }
      const values: Partial<BookingRow> = { status: move.to };
      if (body.action === 'decline' || body.action === 'cancel') values.decisionReason = reason;
      if (body.action === 'approve' && reason) values.decisionReason = reason;
      if (body.action === 'start') values.actualStartAt = at;
      if (body.action === 'complete') {
        values.actualEndAt = at;
        values.feeYuan = feeFor(b.rateYuanPerHour, at.getTime() - b.actualStartAt!.getTime());
      }
      let messages: NotificationMessage[] = [];
      try {
        await db.transaction(async (tx) => {
          const locked = (await repository.lock(tx, b.instrumentId))!;
          if (body.action === 'approve') {
            const problems = await calendarProblems(tx, locked, {
              start: b.startsAt,
              end: b.endsAt,
              orgId: b.requesterOrgId,
              except: b.id,
              counting: false,
            });
            if (problems.length > 0) throw refuse(problems);
          }
          const row = await repository.updateBooking(tx, id, b.version, values);
          if (!row)
            throw new ConflictError('version_conflict', 'Someone changed this booking since you opened it');
          await recordEvent(tx, {
            actorUserId: caller.userId,
            actorOrgId: caller.orgId,
            entityType: 'instrument_booking',
            entityId: id,
            action: body.action,
            before: { status: b.status },
            after: {
              ...bookingSnapshot(row),
              reason,
              actualStartAt: row.actualStartAt?.toISOString() ?? null,
              actualEndAt: row.actualEndAt?.toISOString() ?? null,
            },
          });
          const tell =
            body.action === 'approve' || body.action === 'decline'
              ? [b.requesterOrgId]
              : body.action === 'cancel'
                ? [caller.orgId === b.requesterOrgId ? b.ownerOrgId : b.requesterOrgId]
                : [];
          messages = await notifications.notify(tx, {
            orgIds: tell,
            kind: `booking_${move.to}`,
            entityType: 'instrument_booking',
            entityId: id,
            params: {
              instrumentId: b.instrumentId,
              title: current.instrumentTitle,
              startsAt: b.startsAt.toISOString(),
              reason,
            },
            except: caller.userId,
          });
        });
      } catch (error) {
        if (sqlState(error) === EXCLUSION_VIOLATION) throw await exclusionConflict(b);
        throw error;
      }
      await deliver(messages);
      return dto(caller, await load(id));
    },

    /** The day before: tells the requester of each approved booking starting within 24 hours, once. */
    async remindUpcoming(at: Date): Promise<number> {
      let reminded = 0;
      for (const { booking: b, title } of await repository.unremindedBefore(
        db,
        at,
        new Date(at.getTime() + 24 * HOUR_MS),
      )) {
        const messages = await db.transaction(async (tx) => {
          if (!(await repository.claimReminder(tx, b.id))) return null;
          await recordEvent(tx, {
            actorUserId: null,
            actorOrgId: null,
            entityType: 'instrument_booking',
            entityId: b.id,
            action: 'reminder',
            after: { startsAt: b.startsAt.toISOString() },
          });
          return notifications.notify(tx, {
            orgIds: [b.requesterOrgId],
            kind: 'booking_reminder',
            entityType: 'instrument_booking',
            entityId: b.id,
            params: { instrumentId: b.instrumentId, title, startsAt: b.startsAt.toISOString() },
          });
        });
        if (!messages) continue;
        reminded++;
        await deliver(messages);
      }
      return reminded;
    },
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
