// Matches between needs and capabilities, their moves, proposals and notifications.
import { Type, type Static } from 'typebox';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const MATCH_STAGES = [
  'suggested',
  'interested',
  'introduced',
  'negotiating',
  'agreed',
  'declined',
] as const;
export type MatchStage = (typeof MATCH_STAGES)[number];

/** Reasons are data; each side's screen words them in the reader's language. */
export const MatchReason = Type.Union([
  Type.Object({ kind: Type.Literal('shared_terms'), terms: Type.Array(Type.String()) }),
  /** Words of the listing the other holds in its own language: "hydraulic valve = 液压阀". */
  Type.Object({
    kind: Type.Literal('translated_terms'),
    terms: Type.Array(Type.Object({ own: Type.String(), other: Type.String() })),
  }),
  Type.Object({ kind: Type.Literal('shared_fields'), fields: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('cooperation_types'), types: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('same_city'), regionCode: Type.String() }),
  Type.Object({ kind: Type.Literal('same_province'), regionCode: Type.String() }),
  /** The designations of the candidate's organisation (`party` says which side that is). */
  Type.Object({
    kind: Type.Literal('designations'),
    party: OneOf(['need', 'capability'] as const),
    designations: Type.Array(Type.String()),
  }),
  Type.Object({ kind: Type.Literal('past_cooperation'), count: Type.Integer() }),
]);
export type MatchReason = Static<typeof MatchReason>;

export const MatchParty = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Uuid, Type.Null()]),
  /** "中文名 English name", for display where one string fits; the parts follow for the reader's language. */
  orgName: Type.Union([Type.String(), Type.Null()]),
  orgNameZh: Type.Union([Type.String(), Type.Null()]),
  orgNameEn: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  anonymised: Type.Boolean(),
});

export const Proposal = Type.Object({
  id: Uuid,
  orgId: Uuid,
  approach: Type.String(),
  team: Type.Union([Type.String(), Type.Null()]),
  timeline: Type.Union([Type.String(), Type.Null()]),
  budget: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});

export const Match = Type.Object({
  id: Uuid,
  score: Type.Number(),
  stage: OneOf(MATCH_STAGES),
  reasons: Type.Array(MatchReason),
  need: MatchParty,
  capability: MatchParty,
  declineReason: Type.Union([Type.String(), Type.Null()]),
  introductionNote: Type.Union([Type.String(), Type.Null()]),
  proposals: Type.Array(Proposal),
  movedAt: Type.String(),
  version: Type.Integer(),
  /** Stages the caller may move this match to now. */
  allowedMoves: Type.Array(OneOf(MATCH_STAGES)),
});
export type Match = Static<typeof Match>;

export const MatchList = Type.Object({ matches: Type.Array(Match) });
export const MatchLimitQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const ProposalBody = StrictObject({
  approach: Type.String({ minLength: 10, maxLength: 2000 }),
  team: Type.Optional(Type.String({ maxLength: 500 })),
  timeline: Type.Optional(Type.String({ maxLength: 300 })),
  /** yuan */
  budget: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
});
export type ProposalBody = Static<typeof ProposalBody>;

export const MatchTransition = StrictObject({
  to: OneOf(MATCH_STAGES),
  version: Type.Integer({ minimum: 1 }),
  message: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  /** Required when declining: the other side sees it. */
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  proposal: Type.Optional(ProposalBody),
});
export type MatchTransition = Static<typeof MatchTransition>;

/** A coordinator's introduction of two parties, matched or not. */
export const IntroductionBody = StrictObject({
  needId: Uuid,
  capabilityId: Uuid,
  note: Type.String({ minLength: 2, maxLength: 1000 }),
});
export type IntroductionBody = Static<typeof IntroductionBody>;

/** A capability's holder answers an open need directly, whether or not matching had paired them. */
export const ResponseBody = StrictObject({
  needId: Uuid,
  capabilityId: Uuid,
  proposal: ProposalBody,
});
export type ResponseBody = Static<typeof ResponseBody>;

export const MatchListQuery = StrictObject({
  ...PageQuery,
  /** mine: matches on my organisation's listings; brokering: among my association's members (coordinators). */
  scope: OneOf(['mine', 'brokering'] as const),
  stage: Type.Optional(OneOf(MATCH_STAGES)),
  /** Only matches that have not moved for this many days (and are not agreed or declined). */
  stalledDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
});
export type MatchListQuery = Static<typeof MatchListQuery>;

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  entityType: Type.String(),
  entityId: Uuid,
  params: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type Notification = Static<typeof Notification>;
