// Shared large instruments: booking profiles, bookings, calendars and usage figures.
import { Type, type Static } from 'typebox';
import type { Labelled } from '../enums.js';
import { Nullable, Version } from './agreement-fields.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const BOOKING_STATUSES = [
  'requested',
  'approved',
  'declined',
  'cancelled',
  'in_use',
  'completed',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_ACTIONS = ['approve', 'decline', 'cancel', 'start', 'complete', 'no_show'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
/** How the requester stands to the owner: decides the fee per hour. */
export const BOOKING_RELATIONS = ['own', 'member', 'outside'] as const;
export type BookingRelation = (typeof BOOKING_RELATIONS)[number];
export const INSTRUMENT_TIMEZONES = ['Asia/Shanghai'] as const;

export const BOOKING_STATUS_LABELS: Labelled<BookingStatus>[] = [
  { value: 'requested', zh: '待审批', en: 'Requested' },
  { value: 'approved', zh: '已批准', en: 'Approved' },
  { value: 'declined', zh: '已拒绝', en: 'Declined' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
  { value: 'in_use', zh: '使用中', en: 'In use' },
  { value: 'completed', zh: '已完成', en: 'Completed' },
  { value: 'no_show', zh: '爽约', en: 'No-show' },
];
export const BOOKING_ACTION_LABELS: Labelled<BookingAction>[] = [
  { value: 'approve', zh: '批准', en: 'Approve' },
  { value: 'decline', zh: '拒绝', en: 'Decline' },
  { value: 'cancel', zh: '取消', en: 'Cancel' },
  { value: 'start', zh: '开始使用', en: 'Start use' },
  { value: 'complete', zh: '完成', en: 'Complete' },
  { value: 'no_show', zh: '记为爽约', en: 'Mark no-show' },
];
export const BOOKING_RELATION_LABELS: Labelled<BookingRelation>[] = [
  { value: 'own', zh: '本单位', en: 'Own organisation' },
  { value: 'member', zh: '协会成员', en: 'Association member' },
  { value: 'outside', zh: '外单位', en: 'Outside organisation' },
];

const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const ShortText = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Minutes = Type.Integer({ minimum: 15, maximum: 31 * 24 * 60 });
const Yuan = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

export const OpeningWindow = StrictObject({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
  open: ClockTime,
  close: ClockTime,
});
export type OpeningWindow = Static<typeof OpeningWindow>;

export const BookingRules = StrictObject({
  horizonDays: Type.Integer({ minimum: 1, maximum: 366, description: 'how far ahead one may book' }),
  minMinutes: Minutes,
  maxMinutes: Minutes,
  bufferMinutes: Type.Integer({ minimum: 0, maximum: 24 * 60 }),
  approvalRequired: Type.Boolean(),
  maxFuturePerOrg: Type.Integer({ minimum: 1, maximum: 1000 }),
  cancelDeadlineHours: Type.Integer({ minimum: 0, maximum: 24 * 30 }),
});
export type BookingRules = Static<typeof BookingRules>;

export const InstrumentFees = StrictObject({
  ownYuanPerHour: Yuan,
  memberYuanPerHour: Yuan,
  outsideYuanPerHour: Yuan,
});

export const InstrumentProfileInput = StrictObject({
  model: ShortText(120),
  maker: ShortText(120),
  location: ShortText(200),
  purchaseValueYuan: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000_000 })),
  measuresZh: ShortText(500),
  measuresEn: ShortText(500),
  fees: InstrumentFees,
  rules: BookingRules,
  openingHours: Type.Array(OpeningWindow, {
    maxItems: 21,
    description: 'empty: open around the clock',
  }),
  timezone: Type.Optional(OneOf(INSTRUMENT_TIMEZONES)),
  /** The version you edited; absent when creating the profile. */
  version: Type.Optional(Version),
});
export type InstrumentProfileInput = Static<typeof InstrumentProfileInput>;

export const Instrument = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  status: Type.String(),
  org: Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String(), regionCode: Type.String() }),
  model: Type.String(),
  maker: Type.String(),
  location: Type.String(),
  purchaseValueYuan: Nullable(Type.Integer()),
  measuresZh: Type.String(),
  measuresEn: Type.String(),
  fees: InstrumentFees,
  rules: BookingRules,
  openingHours: Type.Array(OpeningWindow),
  timezone: Type.String(),
  version: Type.Integer(),
  /** The caller's organisation owns it: may edit, add outages, decide on requests. */
  canManage: Type.Boolean(),
});
export type Instrument = Static<typeof Instrument>;

export const InstrumentListQuery = StrictObject({
  ...PageQuery,
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'words in the title, model or what it measures' }),
  ),
  org: Type.Optional(Type.Union([Type.Literal('mine'), Uuid])),
});
export type InstrumentListQuery = Static<typeof InstrumentListQuery>;

export const Period = StrictObject({ from: Instant, to: Instant });
export type Period = Static<typeof Period>;

export const FreeQuery = StrictObject({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'what it measures, title or model' })),
  from: Instant,
  to: Instant,
});
export type FreeQuery = Static<typeof FreeQuery>;

export const NewOutage = StrictObject({ startsAt: Instant, endsAt: Instant, reason: ShortText(200) });
export type NewOutage = Static<typeof NewOutage>;
export const Outage = Type.Object({
  id: Uuid,
  startsAt: Type.String(),
  endsAt: Type.String(),
  reason: Type.String(),
});
export type Outage = Static<typeof Outage>;

export const NewBooking = StrictObject({
  startsAt: Instant,
  endsAt: Instant,
  purpose: ShortText(500),
  sample: ShortText(500),
});
export type NewBooking = Static<typeof NewBooking>;

export const QuoteQuery = StrictObject({ startsAt: Instant, endsAt: Instant });
export type QuoteQuery = Static<typeof QuoteQuery>;

/** A booking rule a slot breaks: `rule` names it, `field` says which input. */
export const RuleProblem = Type.Object({
  field: Type.String(),
  problem: Type.String(),
  rule: Type.String(),
  limit: Type.Optional(Type.Number()),
});
export type RuleProblem = Static<typeof RuleProblem>;

export const Quote = Type.Object({
  relation: OneOf(BOOKING_RELATIONS),
  rateYuanPerHour: Type.Integer(),
  hours: Type.Number(),
  feeYuan: Type.Integer(),
  approvalRequired: Type.Boolean(),
  /** Empty when the slot may be requested. */
  problems: Type.Array(RuleProblem),
});
export type Quote = Static<typeof Quote>;

export const Booking = Type.Object({
  id: Uuid,
  instrument: Type.Object({ id: Uuid, title: Type.String(), location: Type.String() }),
  ownerOrg: Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String() }),
  /** Null, like the requester's name, purpose and sample, when `redacted`. */
  requesterOrg: Nullable(Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String() })),
  requesterName: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  purpose: Nullable(Type.String()),
  sample: Nullable(Type.String()),
  /** A government officer sees the region's bookings without who booked them or why. */
  redacted: Type.Boolean(),
  status: OneOf(BOOKING_STATUSES),
  relation: OneOf(BOOKING_RELATIONS),
  rateYuanPerHour: Type.Integer(),
  feeYuan: Type.Integer(),
  actualStartAt: Nullable(Type.String()),
  actualEndAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  /** What the caller may do now. */
  allowedActions: Type.Array(OneOf(BOOKING_ACTIONS)),
});
export type Booking = Static<typeof Booking>;

export const BookingListQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })),
  instrumentId: Type.Optional(Uuid),
});
export type BookingListQuery = Static<typeof BookingListQuery>;

export const BookingTransition = StrictObject({
  action: OneOf(BOOKING_ACTIONS),
  version: Version,
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  /** start / complete: when it really happened (default now). */
  at: Type.Optional(Instant),
});
export type BookingTransition = Static<typeof BookingTransition>;

/** A block of the calendar; others' bookings show as busy without who or why. */
export const CalendarBlock = Type.Object({
  kind: OneOf(['booked', 'requested', 'outage', 'closed'] as const),
  startsAt: Type.String(),
  endsAt: Type.String(),
  /** Present when the caller may see the booking (own organisation's, or the owner). */
  booking: Type.Optional(
    Type.Object({
      id: Uuid,
      status: OneOf(BOOKING_STATUSES),
      requesterOrgNameZh: Type.String(),
      requesterOrgNameEn: Type.String(),
      purpose: Type.String(),
    }),
  ),
  reason: Type.Optional(Type.String()),
});
export type CalendarBlock = Static<typeof CalendarBlock>;
export const Calendar = Type.Object({
  instrumentId: Uuid,
  timezone: Type.String(),
  from: Type.String(),
  to: Type.String(),
  blocks: Type.Array(CalendarBlock),
});
export type Calendar = Static<typeof Calendar>;

export const USAGE_GROUPS = ['instrument', 'owner', 'region', 'month'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];
export const UsageQuery = StrictObject({
  groupBy: Type.Optional(OneOf(USAGE_GROUPS)),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type UsageQuery = Static<typeof UsageQuery>;
const UsageFigures = {
  effectiveHours: Type.Number(),
  externalHours: Type.Number(),
  /** external ÷ effective; null when nothing was used. */
  sharingRate: Nullable(Type.Number()),
  incomeYuan: Type.Integer(),
  enterprisesServed: Type.Integer(),
  noShows: Type.Integer(),
};
export const UsageRow = Type.Object({
  key: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  ...UsageFigures,
});
export type UsageRow = Static<typeof UsageRow>;
export const UsageReport = Type.Object({
  groupBy: OneOf(USAGE_GROUPS),
  rows: Type.Array(UsageRow),
  total: Type.Object(UsageFigures),
});
export type UsageReport = Static<typeof UsageReport>;
