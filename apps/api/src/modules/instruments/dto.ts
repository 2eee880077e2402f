// Rows → the shapes the API answers.
import type { Booking, BookingAction, Instrument } from '@coop/shared';
import type { Actor } from '../access/actor.js';
import { managesInstrument } from '../access/policy.js';
import type { BookingRecord, InstrumentRecord, ProfileRow } from './repository.js';

export const rulesOf = (p: ProfileRow) => ({
  horizonDays: p.horizonDays,
  minMinutes: p.minMinutes,
  maxMinutes: p.maxMinutes,
  bufferMinutes: p.bufferMinutes,
  approvalRequired: p.approvalRequired,
  maxFuturePerOrg: p.maxFuturePerOrg,
  cancelDeadlineHours: p.cancelDeadlineHours,
});

export function toInstrument(record: InstrumentRecord, actor: Actor | null): Instrument {
  const { capability, org } = record;
  const p = record.profile!;
  return {
    id: capability.id,
    title: capability.title,
    description: capability.description,
    status: capability.status,
    org,
    model: p.model,
    maker: p.maker,
    location: p.location,
    purchaseValueYuan: p.purchaseValueYuan,
    measuresZh: p.measuresZh,
    measuresEn: p.measuresEn,
    fees: {
      ownYuanPerHour: p.feeOwnYuanPerHour,
      memberYuanPerHour: p.feeMemberYuanPerHour,
      outsideYuanPerHour: p.feeOutsideYuanPerHour,
    },
    rules: rulesOf(p),
    openingHours: p.openingHours,
    timezone: p.timezone,
    version: p.version,
    canManage: managesInstrument(actor, capability.orgId),
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toBooking(record: BookingRecord, allowedActions: BookingAction[], redacted = false): Booking {
  const { booking: b } = record;
  return {
    id: b.id,
    instrument: { id: b.instrumentId, title: record.instrumentTitle, location: record.location },
    ownerOrg: record.owner,
    requesterOrg: redacted ? null : record.requester,
    requesterName: redacted ? null : record.requesterName,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    purpose: redacted ? null : b.purpose,
    sample: redacted ? null : b.sample,
    redacted,
    status: b.status,
    relation: b.relation,
    rateYuanPerHour: b.rateYuanPerHour,
    feeYuan: b.feeYuan,
    actualStartAt: iso(b.actualStartAt),
    actualEndAt: iso(b.actualEndAt),
    decisionReason: b.decisionReason,
    version: b.version,
    createdAt: b.createdAt.toISOString(),
    allowedActions,
  };
}

/** What the event log keeps of a booking. */
export const bookingSnapshot = (b: BookingRecord['booking']) => ({
  status: b.status,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
  requesterOrgId: b.requesterOrgId,
  feeYuan: b.feeYuan,
});
