// Docking meetings (对接会): events, participants, 1:1 requests, the schedule, outcomes and the signing ceremony.
import { Type, type Static } from 'typebox';
import type { Labelled } from '../enums.js';
import { IsoDate, LongText, Name, Nullable, Title, Version } from './agreement-fields.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const MEETING_STATUSES = ['draft', 'open', 'scheduling', 'scheduled', 'held', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_ACTIONS = ['open', 'start_scheduling', 'publish', 'hold', 'close'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];
export const PARTICIPANT_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const MEETING_REQUEST_STATUSES = ['requested', 'accepted', 'declined', 'expired'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['scheduled', 'held', 'no_show'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const MEETING_OUTCOMES = [
  'no_further_contact',
  'valuable_contact',
  'negotiation_started',
  'agreement_reached',
] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
export const UNPLACED_REASONS = [
  'no_common_availability',
  'tables_full',
  'participants_busy',
  'pinned_conflict',
  'unknown_participant',
] as const;

export const MEETING_STATUS_LABELS: Labelled<MeetingStatus>[] = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'open', zh: '报名中', en: 'Open for registration' },
  { value: 'scheduling', zh: '排程中', en: 'Scheduling' },
  { value: 'scheduled', zh: '日程已发布', en: 'Schedule published' },
  { value: 'held', zh: '已举办', en: 'Held' },
  { value: 'closed', zh: '已结束', en: 'Closed' },
];
export const MEETING_OUTCOME_LABELS: Labelled<MeetingOutcome>[] = [
  { value: 'no_further_contact', zh: '无后续联系', en: 'No further contact' },
  { value: 'valuable_contact', zh: '有价值的联系', en: 'Valuable contact' },
  { value: 'negotiation_started', zh: '已开始洽谈', en: 'Negotiation started' },
  { value: 'agreement_reached', zh: '达成协议', en: 'Agreement reached' },
];

/** The project list a framework agreement signed at a meeting starts with: the aspects of a strategic framework. */
export const FRAMEWORK_ASPECTS = [
  { key: 'talent_exchange', zh: '人才交流与互聘', en: 'Talent exchange and joint appointments' },
  {
    key: 'joint_training',
    zh: '联合培养（订单班、实习基地）',
    en: 'Joint training (order classes, internship bases)',
  },
  { key: 'joint_rd_platform', zh: '共建联合研发平台', en: 'Joint R&D platform' },
  { key: 'testing_centre', zh: '共建检测中心', en: 'Co-built testing centre' },
  { key: 'vocational_research', zh: '职业教育研究', en: 'Vocational education research' },
  { key: 'achievement_transfer', zh: '科技成果转化', en: 'Transfer of research results' },
] as const;
export type FrameworkAspect = (typeof FRAMEWORK_ASPECTS)[number]['key'];

// ---- requests

const SlotStart = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, Asia/Shanghai',
});
const meetingTerms = {
  titleZh: Title,
  titleEn: Title,
  date: IsoDate,
  venue: Type.String({ minLength: 2, maxLength: 200 }),
  programme: Type.Optional(Nullable(LongText)),
  slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
  slotStarts: Type.Array(SlotStart, { minItems: 1, maxItems: 96 }),
  /** Tables are the capacity of one slot. */
  tableCount: Type.Integer({ minimum: 1, maximum: 500 }),
  registrationDeadline: IsoDate,
  requestLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  followUpMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
};
export const NewMeeting = StrictObject({
  ...meetingTerms,
  /** The association or college running it; default: the caller's organisation. */
  organiserOrgId: Type.Optional(Uuid),
});
export type NewMeeting = Static<typeof NewMeeting>;

export const MeetingUpdate = StrictObject(
  {
    titleZh: Type.Optional(meetingTerms.titleZh),
    titleEn: Type.Optional(meetingTerms.titleEn),
    date: Type.Optional(meetingTerms.date),
    venue: Type.Optional(meetingTerms.venue),
    programme: meetingTerms.programme,
    slotMinutes: Type.Optional(meetingTerms.slotMinutes),
    slotStarts: Type.Optional(meetingTerms.slotStarts),
    tableCount: Type.Optional(meetingTerms.tableCount),
    registrationDeadline: Type.Optional(meetingTerms.registrationDeadline),
    requestLimit: meetingTerms.requestLimit,
    followUpMonths: meetingTerms.followUpMonths,
    version: Version,
  },
  { minProperties: 2 },
);
export type MeetingUpdate = Static<typeof MeetingUpdate>;

export const MeetingTransition = StrictObject({ action: OneOf(MEETING_ACTIONS), version: Version });
export type MeetingTransition = Static<typeof MeetingTransition>;

export const MeetingListQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(OneOf(MEETING_STATUSES)),
  /** mine: meetings your organisation takes part in (not the ones it runs). */
  role: Type.Optional(OneOf(['organiser', 'participant'] as const)),
});
export type MeetingListQuery = Static<typeof MeetingListQuery>;

export const MeetingInvitation = StrictObject({ orgIds: Type.Array(Uuid, { minItems: 1, maxItems: 200 }) });
export type MeetingInvitation = Static<typeof MeetingInvitation>;

export const Delegate = StrictObject({ name: Name, title: Type.Optional(Nullable(Name)) });
export const ParticipantUpdate = StrictObject(
  {
    status: Type.Optional(OneOf(['accepted', 'declined'] as const)),
    delegates: Type.Optional(Type.Array(Delegate, { maxItems: 20 })),
    needIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    capabilityIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    /** Slot indexes; null: every slot. */
    availableSlots: Type.Optional(
      Nullable(Type.Array(Type.Integer({ minimum: 0, maximum: 95 }), { maxItems: 96 })),
    ),
  },
  { minProperties: 1 },
);
export type ParticipantUpdate = Static<typeof ParticipantUpdate>;

export const MeetingParams = StrictObject({ id: Uuid, itemId: Uuid });
export type MeetingParams = Static<typeof MeetingParams>;

export const NewMeetingRequest = StrictObject({
  /** The requesting side; default: the caller's own participation. Organisers may name any participant. */
  fromParticipantId: Type.Optional(Uuid),
  toParticipantId: Uuid,
  purpose: Type.String({ minLength: 2, maxLength: 500 }),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
  matchId: Type.Optional(Uuid),
});
export type NewMeetingRequest = Static<typeof NewMeetingRequest>;

export const RequestAnswer = StrictObject({ answer: OneOf(['accepted', 'declined'] as const) });
export type RequestAnswer = Static<typeof RequestAnswer>;

export const RequestListQuery = StrictObject({
  ...PageQuery,
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  status: Type.Optional(OneOf(MEETING_REQUEST_STATUSES)),
});
export type RequestListQuery = Static<typeof RequestListQuery>;

export const PlacementBody = StrictObject({
  slot: Type.Integer({ minimum: 0 }),
  table: Type.Integer({ minimum: 1 }),
});
export type PlacementBody = Static<typeof PlacementBody>;

export const AttendanceBody = StrictObject({ attendance: OneOf(ATTENDANCE_STATUSES) });
export type AttendanceBody = Static<typeof AttendanceBody>;

export const WalkIn = StrictObject({
  fromParticipantId: Uuid,
  toParticipantId: Uuid,
  purpose: Type.String({ minLength: 2, maxLength: 500 }),
  slot: Type.Integer({ minimum: 0 }),
  table: Type.Integer({ minimum: 1 }),
});
export type WalkIn = Static<typeof WalkIn>;

export const OutcomeBody = StrictObject({
  outcome: OneOf(MEETING_OUTCOMES),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  /** follow_up: the answer to the follow-up asked months later. */
  phase: Type.Optional(OneOf(['meeting', 'follow_up'] as const)),
});
export type OutcomeBody = Static<typeof OutcomeBody>;

const Signatory = StrictObject({
  participantId: Uuid,
  signatoryName: Name,
  signatoryTitle: Type.Optional(Nullable(Name)),
});
export const SigningBody = StrictObject({
  /** per_enterprise: one framework agreement per enterprise with the college; multi_party: one for all. */
  mode: OneOf(['per_enterprise', 'multi_party'] as const),
  /** The college (or institute) side. */
  collegeParticipantId: Uuid,
  participantIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
  signatories: Type.Array(Signatory, { minItems: 2, maxItems: 101 }),
  signedOn: IsoDate,
  startDate: Type.Optional(IsoDate),
  endDate: Type.Optional(IsoDate),
  /** Aspects to start each project list with; default: all six. */
  aspects: Type.Optional(
    Type.Array(OneOf(FRAMEWORK_ASPECTS.map((a) => a.key)), { minItems: 1, maxItems: 6 }),
  ),
});
export type SigningBody = Static<typeof SigningBody>;

export const AgendaQuery = StrictObject({
  participant: Type.Optional(Uuid),
  table: Type.Optional(Type.Integer({ minimum: 1 })),
  format: Type.Optional(OneOf(['json', 'xlsx', 'pdf', 'ics'] as const)),
  lang: Type.Optional(OneOf(['zh-CN', 'en'] as const)),
});
export type AgendaQuery = Static<typeof AgendaQuery>;

// ---- responses

const OrgRef = Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String(), kind: Type.String() });

export const Meeting = Type.Object({
  id: Uuid,
  titleZh: Type.String(),
  titleEn: Type.String(),
  date: Type.String(),
  venue: Type.String(),
  programme: Nullable(Type.String()),
  slotMinutes: Type.Integer(),
  slotStarts: Type.Array(Type.String()),
  tableCount: Type.Integer(),
  registrationDeadline: Type.String(),
  requestLimit: Type.Integer(),
  followUpMonths: Type.Integer(),
  organiser: OrgRef,
  status: OneOf(MEETING_STATUSES),
  publishedAt: Nullable(Type.String()),
  /** organiser: may run it; participant: the caller's organisation takes part; observer: oversees it (reads only). */
  role: OneOf(['organiser', 'participant', 'observer'] as const),
  /** The caller's own participation, if any. */
  myParticipantId: Nullable(Uuid),
  allowedActions: Type.Array(OneOf(MEETING_ACTIONS)),
  participantCount: Type.Integer(),
  version: Type.Integer(),
});
export type Meeting = Static<typeof Meeting>;

export const Participant = Type.Object({
  id: Uuid,
  org: OrgRef,
  status: OneOf(PARTICIPANT_STATUSES),
  delegates: Type.Array(Type.Object({ name: Type.String(), title: Type.Optional(Nullable(Type.String())) })),
  needIds: Type.Array(Uuid),
  capabilityIds: Type.Array(Uuid),
  availableSlots: Nullable(Type.Array(Type.Integer())),
  checkedInAt: Nullable(Type.String()),
  requestsSent: Type.Integer(),
});
export type Participant = Static<typeof Participant>;

const Side = Type.Object({ participantId: Uuid, org: OrgRef });
export const MeetingRequest = Type.Object({
  id: Uuid,
  from: Side,
  to: Side,
  purpose: Type.String(),
  priority: Type.Integer(),
  status: OneOf(MEETING_REQUEST_STATUSES),
  matchId: Nullable(Uuid),
  walkIn: Type.Boolean(),
  placement: Nullable(
    Type.Object({
      slot: Type.Integer(),
      table: Type.Integer(),
      fixed: Type.Boolean(),
      attendance: OneOf(ATTENDANCE_STATUSES),
    }),
  ),
  outcomes: Type.Array(
    Type.Object({
      orgId: Uuid,
      phase: Type.String(),
      outcome: OneOf(MEETING_OUTCOMES),
      note: Nullable(Type.String()),
    }),
  ),
  /** The caller may accept or decline it. */
  canAnswer: Type.Boolean(),
  createdAt: Type.String(),
});
export type MeetingRequest = Static<typeof MeetingRequest>;

export const Suggestion = Type.Object({
  matchId: Uuid,
  score: Type.Number(),
  reasons: Type.Unknown(),
  needTitle: Type.String(),
  capabilityTitle: Type.String(),
  needSide: Side,
  capabilitySide: Side,
  /** A request between the two already exists. */
  requested: Type.Boolean(),
});
export type Suggestion = Static<typeof Suggestion>;

export const ScheduleRun = Type.Object({
  placed: Type.Integer(),
  kept: Type.Integer(),
  unplaced: Type.Array(Type.Object({ requestId: Uuid, reason: OneOf(UNPLACED_REASONS) })),
  gaps: Type.Object({
    total: Type.Integer(),
    max: Type.Integer(),
    withGaps: Type.Integer(),
    stdDev: Type.Number(),
  }),
});
export type ScheduleRun = Static<typeof ScheduleRun>;

export const AgendaEntry = Type.Object({
  slot: Type.Integer(),
  start: Type.String(),
  end: Type.String(),
  table: Type.Integer(),
  requestId: Uuid,
  with: Type.Array(OrgRef),
  purpose: Type.String(),
  attendance: OneOf(ATTENDANCE_STATUSES),
});
export const Agenda = Type.Object({
  meetingId: Uuid,
  title: Type.String(),
  date: Type.String(),
  venue: Type.String(),
  /** Whose agenda: an organisation's name or a table. */
  heading: Type.String(),
  entries: Type.Array(AgendaEntry),
});
export type Agenda = Static<typeof Agenda>;

export const SigningResult = Type.Object({
  agreements: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
  projectCount: Type.Integer(),
});
export type SigningResult = Static<typeof SigningResult>;

export const MeetingFigures = Type.Object({
  requested: Type.Integer(),
  accepted: Type.Integer(),
  scheduled: Type.Integer(),
  held: Type.Integer(),
  noShow: Type.Integer(),
  outcomes: Type.Record(Type.String(), Type.Integer()),
  agreementsSigned: Type.Integer(),
});
export type MeetingFigures = Static<typeof MeetingFigures>;

export const ScheduleBody = StrictObject({
  /** all (default): every meeting already placed stays; fixed: only those fixed by hand, the rest are placed anew. */
  keep: Type.Optional(OneOf(['all', 'fixed'] as const)),
});
export type ScheduleBody = Static<typeof ScheduleBody>;
