// Instruments: booking profiles, outages, the catalogue, calendars (JSON and iCalendar) and free slots.
import type {
  Calendar,
  CalendarBlock,
  FreeQuery,
  Instrument,
  InstrumentListQuery,
  InstrumentProfileInput,
  NewOutage,
  Outage,
} from '@coop/shared';
import { createEvents, type EventAttributes } from 'ics';
import type { Database } from '../../db/client.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import { managesInstrument, type AccessPolicy } from '../access/policy.js';
import { recordEvent } from '../events/repository.js';
import type { Page } from '../listings/service.js';
import { toInstrument } from './dto.js';
import type { InstrumentRecord, InstrumentRepository, OutageRow } from './repository.js';
import { closedIntervals, withinOpeningHours } from './time.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  repository: InstrumentRepository;
}

const DAY_MS = 86_400_000;
/** A calendar or free-slot query covers at most this much: a month view with the weeks around it. */
export const MAX_RANGE_DAYS = 62;
const ICS_DAYS = 90;

export const problem = (field: string, rule: string, text: string, extra: object = {}) => ({
  field,
  rule,
  problem: text,
  ...extra,
});

/** from < to, at most MAX_RANGE_DAYS apart; the field named is the query's. */
export function checkRange(fromText: string, toText: string): { from: Date; to: Date } {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (to <= from) {
    throw new BadRequestError('validation_failed', 'querystring.to must be later than querystring.from', [
      problem('querystring.to', 'invalid', 'must be later than from'),
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new BadRequestError(
      'validation_failed',
      `querystring.to is more than ${MAX_RANGE_DAYS} days after from`,
      [
        problem('querystring.to', 'too_large', `must be at most ${MAX_RANGE_DAYS} days after from`, {
          limit: MAX_RANGE_DAYS,
        }),
      ],
    );
  }
  return { from, to };
}

const toOutage = (row: OutageRow): Outage => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  reason: row.reason,
});

const profileColumns = (input: InstrumentProfileInput) => ({
  model: input.model.trim(),
  maker: input.maker.trim(),
  location: input.location.trim(),
  purchaseValueYuan: input.purchaseValueYuan,
  measuresZh: input.measuresZh.trim(),
  measuresEn: input.measuresEn.trim(),
  feeOwnYuanPerHour: input.fees.ownYuanPerHour,
  feeMemberYuanPerHour: input.fees.memberYuanPerHour,
  feeOutsideYuanPerHour: input.fees.outsideYuanPerHour,
  ...input.rules,
  openingHours: input.openingHours,
  timezone: input.timezone ?? 'Asia/Shanghai',
});

function checkProfile(input: InstrumentProfileInput) {
  const problems = [];
  if (input.rules.minMinutes > input.rules.maxMinutes) {
    problems.push(problem('body.rules.maxMinutes', 'too_small', 'must not be less than minMinutes'));
  }
  input.openingHours.forEach((window, index) => {
    if (window.close <= window.open) {
      problems.push(problem(`body.openingHours.${index}.close`, 'invalid', 'must be later than open'));
    }
  });
  if (problems.length > 0) {
    throw new BadRequestError(
      'validation_failed',
      problems.map((p) => `${p.field} ${p.problem}`).join('; '),
      problems,
    );
  }
}

export function createInstrumentService({ db, access, repository }: Deps) {
  /** The capability behind an id, refused unless it is an instrument the caller may see. */
  async function instrumentOf(actor: Actor | null, id: string): Promise<InstrumentRecord> {
    const record = await repository.get(db, id);
    if (!record) throw new NotFoundError('Instrument');
    const view = await access.listingView(db, actor, record.capability);
    if (view !== 'full') throw new NotFoundError('Instrument');
    if (record.capability.kind !== 'instrument') {
      throw new BadRequestError(
        'not_an_instrument',
        `params.id is a capability of kind ${record.capability.kind}, not an instrument`,
        [problem('params.id', 'not_an_instrument', `is a ${record.capability.kind}, not an instrument`)],
      );
    }
    return record;
  }

  /** As instrumentOf, and it has a booking profile. */
  async function bookable(actor: Actor | null, id: string) {
    const record = await instrumentOf(actor, id);
    if (!record.profile) {
      throw new BadRequestError('not_bookable', 'params.id: this instrument has no booking profile yet', [
        problem('params.id', 'not_bookable', 'has no booking profile yet'),
      ]);
    }
    return record as InstrumentRecord & { profile: NonNullable<InstrumentRecord['profile']> };
  }

  async function blocks(actor: Actor | null, record: InstrumentRecord, from: Date, to: Date) {
    const profile = record.profile!;
    const manager = managesInstrument(actor, record.capability.orgId);
    const result: CalendarBlock[] = [];
    const [bookings, outages] = await Promise.all([
      repository.calendarBookings(db, record.capability.id, from, to),
      repository.outagesBetween(db, record.capability.id, from, to),
    ]);
    for (const b of bookings) {
      const visible = manager || actor?.orgId === b.requesterOrgId;
      // Others' requests are nobody else's business; their holding bookings show only as busy.
      if (b.status === 'requested' && !visible) continue;
      result.push({
        kind: b.status === 'requested' ? 'requested' : 'booked',
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
        ...(visible
          ? {
              booking: {
                id: b.id,
                status: b.status,
                requesterOrgNameZh: b.requesterOrgNameZh,
                requesterOrgNameEn: b.requesterOrgNameEn,
                purpose: b.purpose,
              },
            }
          : {}),
      });
    }
    for (const outage of outages) {
      result.push({ kind: 'outage', ...toOutage(outage) });
    }
    for (const closed of closedIntervals(
      profile.openingHours,
      profile.timezone,
      from.getTime(),
      to.getTime(),
    )) {
      result.push({
        kind: 'closed',
        startsAt: new Date(closed.start).toISOString(),
        endsAt: new Date(closed.end).toISOString(),
      });
    }
    return result;
  }

  return {
    instrumentOf,
    bookable,

    async list(actor: Actor | null, query: InstrumentListQuery): Promise<Page<Instrument>> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const orgId = query.org === 'mine' ? actor?.orgId : query.org;
      if (query.org === 'mine' && !actor) return { items: [], total: 0, page, pageSize };
      const { rows, total } = await repository.list(
        db,
        { orgId: actor?.orgId ?? null, loggedIn: !!actor },
        { q: query.q?.trim() || undefined, orgId },
        page,
        pageSize,
      );
      return { items: rows.map((row) => toInstrument(row, actor)), total, page, pageSize };
    },

    async get(actor: Actor | null, id: string): Promise<Instrument> {
      const record = await instrumentOf(actor, id);
      if (!record.profile) throw new NotFoundError('Booking profile');
      return toInstrument(record, actor);
    },

    async saveProfile(actor: Actor | null, id: string, input: InstrumentProfileInput): Promise<Instrument> {
      const record = await instrumentOf(actor, id);
      const caller = access.requireInstrumentManager(actor, record.capability.orgId);
      checkProfile(input);
      const values = profileColumns(input);
      await db.transaction(async (tx) => {
        const current = await repository.lock(tx, id);
        if (!current) {
          await repository.insertProfile(tx, { ...values, capabilityId: id, orgId: record.capability.orgId });
        } else if (
          input.version !== current.version ||
          !(await repository.updateProfile(tx, id, current.version, values))
        ) {
          throw new ConflictError(
            'version_conflict',
            'Someone changed this booking profile since you opened it',
            {
              current: toInstrument({ ...record, profile: current }, caller),
            },
          );
        }
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'instrument',
          entityId: id,
          action: current ? 'profile_updated' : 'profile_created',
          after: values,
        });
      });
      return toInstrument((await repository.get(db, id))!, caller);
    },

    async outages(actor: Actor | null, id: string, range: { from: string; to: string }): Promise<Outage[]> {
      const record = await bookable(actor, id);
      const { from, to } = checkRange(range.from, range.to);
      return (await repository.outagesBetween(db, record.capability.id, from, to)).map(toOutage);
    },

    /** An outage may not cover a booking that holds the instrument: cancel that first. */
    async addOutage(actor: Actor | null, id: string, input: NewOutage): Promise<Outage> {
      const record = await bookable(actor, id);
      const caller = access.requireInstrumentManager(actor, record.capability.orgId);
      const start = new Date(input.startsAt);
      const end = new Date(input.endsAt);
      if (end <= start) {
        throw new BadRequestError('validation_failed', 'body.endsAt must be later than startsAt', [
          problem('body.endsAt', 'end_after_start', 'must be later than startsAt'),
        ]);
      }
      const row = await db.transaction(async (tx) => {
        await repository.lock(tx, id);
        const [clash] = await repository.holdingNear(tx, id, start, end, 0);
        if (clash) {
          throw new ConflictError(
            'outage_clash',
            `The outage covers booking ${clash.id} (${clash.startsAt.toISOString()} – ${clash.endsAt.toISOString()}); cancel it first`,
            [
              problem('body.startsAt', 'outage', 'covers an approved booking', {
                clash: {
                  id: clash.id,
                  startsAt: clash.startsAt.toISOString(),
                  endsAt: clash.endsAt.toISOString(),
                },
              }),
            ],
          );
        }
        const outage = await repository.insertOutage(tx, {
          instrumentId: id,
          startsAt: start,
          endsAt: end,
          reason: input.reason.trim(),
          createdBy: caller.userId,
        });
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'instrument',
          entityId: id,
          action: 'outage_added',
          after: toOutage(outage),
        });
        return outage;
      });
      return toOutage(row);
    },

    async removeOutage(actor: Actor | null, id: string, outageId: string): Promise<void> {
      const record = await bookable(actor, id);
      const caller = access.requireInstrumentManager(actor, record.capability.orgId);
      await db.transaction(async (tx) => {
        const removed = await repository.deleteOutage(tx, id, outageId);
        if (!removed) throw new NotFoundError('Outage');
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'instrument',
          entityId: id,
          action: 'outage_removed',
          before: toOutage(removed),
        });
      });
    },

    async calendar(actor: Actor | null, id: string, range: { from: string; to: string }): Promise<Calendar> {
      const record = await bookable(actor, id);
      const { from, to } = checkRange(range.from, range.to);
      return {
        instrumentId: id,
        timezone: record.profile.timezone,
        from: from.toISOString(),
        to: to.toISOString(),
        blocks: await blocks(actor, record, from, to),
      };
    },

    /** The next 90 days' busy and outage blocks as iCalendar; others' bookings are only "booked". */
    async ics(actor: Actor | null, id: string, now: Date): Promise<string> {
      const record = await bookable(actor, id);
      const to = new Date(now.getTime() + ICS_DAYS * DAY_MS);
      const events: EventAttributes[] = (await blocks(actor, record, now, to))
        .filter((block) => block.kind !== 'closed')
        .map((block) => ({
          uid: `${block.booking?.id ?? `${block.kind}-${block.startsAt}`}@${id}`,
          start: new Date(block.startsAt).getTime(),
          end: new Date(block.endsAt).getTime(),
          startInputType: 'utc',
          startOutputType: 'utc',
          endInputType: 'utc',
          endOutputType: 'utc',
          title:
            block.kind === 'outage'
              ? `停机 Outage: ${block.reason}`
              : block.booking
                ? `${block.kind === 'requested' ? '待审批 Requested' : '已预约 Booked'}: ${block.booking.requesterOrgNameZh} · ${block.booking.purpose}`
                : '已预约 Booked',
          location: record.profile.location,
          busyStatus: 'BUSY',
          productId: 'coop-platform/instruments',
          calName: record.capability.title,
        }));
      const { error, value } = createEvents(events);
      if (error) throw error;
      return value!;
    },

    /** Instruments open for the whole of [from, to) with no booking or outage in it. */
    async free(actor: Actor | null, query: FreeQuery): Promise<Page<Instrument>> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { from, to } = checkRange(query.from, query.to);
      const rows = (
        await repository.withoutBusy(
          db,
          { orgId: actor?.orgId ?? null, loggedIn: !!actor },
          query.q?.trim() || undefined,
          from,
          to,
        )
      ).filter(({ profile }) =>
        withinOpeningHours(profile!.openingHours, profile!.timezone, from.getTime(), to.getTime()),
      );
      const items = rows.slice((page - 1) * pageSize, page * pageSize).map((row) => toInstrument(row, actor));
      return { items, total: rows.length, page, pageSize };
    },
  };
}

export type InstrumentService = ReturnType<typeof createInstrumentService>;
