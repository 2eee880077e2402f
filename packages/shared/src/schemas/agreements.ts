// Agreements between two or more organisations: what the API accepts and answers.
import { Type, type Static } from 'typebox';
import type { Labelled } from '../enums.js';
import { CsvList, IsoDate, LongText, Name, Nullable, OrgFilter, Title, Version } from './agreement-fields.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const AGREEMENT_TYPES = [
  'framework',
  'project',
  'technology_transfer',
  'technical_service',
  'training',
  'co_construction',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'active',
  'completed',
  'terminated',
  'expired',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** Moves people ask for; `expired` is reached only by the expiry check. */
export const AGREEMENT_ACTIONS = ['negotiate', 'sign', 'activate', 'complete', 'terminate'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
export const AGREEMENT_TYPE_LABELS: Labelled<AgreementType>[] = [
  { value: 'framework', zh: '框架协议', en: 'Framework agreement' },
  { value: 'project', zh: '项目合同', en: 'Project contract' },
  { value: 'technology_transfer', zh: '技术转让 / 许可', en: 'Technology transfer / licence' },
  { value: 'technical_service', zh: '技术服务', en: 'Technical service' },
  { value: 'training', zh: '人才培养 / 培训', en: 'Training' },
  { value: 'co_construction', zh: '共建平台', en: 'Co-built platform' },
];
export const AGREEMENT_STATUS_LABELS: Labelled<AgreementStatus>[] = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'negotiating', zh: '洽谈中', en: 'Negotiating' },
  { value: 'signed', zh: '已签约', en: 'Signed' },
  { value: 'active', zh: '执行中', en: 'Active' },
  { value: 'completed', zh: '已完成', en: 'Completed' },
  { value: 'terminated', zh: '已终止', en: 'Terminated' },
  { value: 'expired', zh: '已到期', en: 'Expired' },
];
export const AGREEMENT_ACTION_LABELS: Labelled<AgreementAction>[] = [
  { value: 'negotiate', zh: '开始洽谈', en: 'Start negotiating' },
  { value: 'sign', zh: '签约', en: 'Sign' },
  { value: 'activate', zh: '开始执行', en: 'Start delivery' },
  { value: 'complete', zh: '完成', en: 'Complete' },
  { value: 'terminate', zh: '终止', en: 'Terminate' },
];
// ---- requests

export const PartyInput = StrictObject({
  orgId: Uuid,
  signatoryName: Type.Optional(Nullable(Name)),
  signatoryTitle: Type.Optional(Nullable(Name)),
});
export type PartyInput = Static<typeof PartyInput>;
const Parties = Type.Array(PartyInput, { minItems: 2, maxItems: 20 });

const agreementTerms = {
  title: Title,
  description: Type.Optional(Nullable(LongText)),
  startDate: Type.Optional(Nullable(IsoDate)),
  endDate: Type.Optional(Nullable(IsoDate)),
  /** Yuan. */
  valueYuan: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000_000 }))),
};

export const NewAgreement = StrictObject({
  type: OneOf(AGREEMENT_TYPES),
  parties: Parties,
  ...agreementTerms,
  /** The match it comes from: that match moves to `agreed`. */
  matchId: Type.Optional(Uuid),
});
export type NewAgreement = Static<typeof NewAgreement>;

/** Names what changes and the version it was based on; type and parties only before signing. */
export const AgreementUpdate = StrictObject(
  {
    type: Type.Optional(OneOf(AGREEMENT_TYPES)),
    parties: Type.Optional(Parties),
    ...agreementTerms,
    title: Type.Optional(Title),
    version: Version,
  },
  { minProperties: 2 },
);
export type AgreementUpdate = Static<typeof AgreementUpdate>;

export const AgreementTransition = StrictObject({
  action: OneOf(AGREEMENT_ACTIONS),
  version: Version,
  /** sign: the signing date (default today). */
  signedOn: Type.Optional(IsoDate),
  /** sign: signatories to record; every party needs one by then. */
  signatories: Type.Optional(
    Type.Array(
      StrictObject({ orgId: Uuid, signatoryName: Name, signatoryTitle: Type.Optional(Nullable(Name)) }),
      {
        maxItems: 20,
      },
    ),
  ),
  /** terminate: required. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
});
export type AgreementTransition = Static<typeof AgreementTransition>;

export const AgreementListQuery = StrictObject({
  ...PageQuery,
  org: OrgFilter,
  status: Type.Optional(CsvList),
  type: Type.Optional(CsvList),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type AgreementListQuery = Static<typeof AgreementListQuery>;

export const TimelineQuery = StrictObject({ ...PageQuery, projectId: Type.Optional(Uuid) });
export type TimelineQuery = Static<typeof TimelineQuery>;

// ---- responses

export const PartyOrg = Type.Object({
  id: Uuid,
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
});
export type PartyOrg = Static<typeof PartyOrg>;

export const AgreementParty = Type.Object({
  org: PartyOrg,
  signatoryName: Nullable(Type.String()),
  signatoryTitle: Nullable(Type.String()),
});

export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof Attachment>;

const agreementOutput = {
  id: Uuid,
  type: OneOf(AGREEMENT_TYPES),
  title: Type.String(),
  description: Nullable(Type.String()),
  status: OneOf(AGREEMENT_STATUSES),
  parties: Type.Array(AgreementParty),
  broker: Nullable(PartyOrg),
  matchId: Nullable(Uuid),
  signedOn: Nullable(Type.String()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  valueYuan: Nullable(Type.Integer()),
  /** Active and ending within 30 days. */
  expiringSoon: Type.Boolean(),
  /** Status moves the caller may make now. */
  allowedActions: Type.Array(OneOf(AGREEMENT_ACTIONS)),
  /** May edit terms and parties. */
  canManage: Type.Boolean(),
  /** May add and change projects, checklist items, notes and attachments. */
  canWork: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const Agreement = Type.Object(agreementOutput);
export type Agreement = Static<typeof Agreement>;
export const AgreementDetail = Type.Object({
  ...agreementOutput,
  attachments: Type.Array(Attachment),
  /** With three or more parties: which parties have confirmed completing or terminating it. */
  confirmations: Type.Optional(
    Type.Array(
      Type.Object({
        action: OneOf(['complete', 'terminate'] as const),
        orgId: Uuid,
        confirmedAt: Type.String({ format: 'date-time' }),
      }),
    ),
  ),
});
export type AgreementDetail = Static<typeof AgreementDetail>;

export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  entityType: OneOf(['agreement', 'project', 'checklist_item'] as const),
  entityId: Uuid,
  projectId: Nullable(Uuid),
  action: Type.String(),
  actor: Nullable(
    Type.Object({
      userId: Uuid,
      displayName: Type.String(),
      orgId: Uuid,
      orgNameZh: Type.String(),
      orgNameEn: Type.String(),
    }),
  ),
  /** The changed fields before and after (whole records on creation and deletion). */
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type TimelineEvent = Static<typeof TimelineEvent>;
